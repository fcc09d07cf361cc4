import { App, Form } from 'antd';
import { type KeyAccountCard, useUpdateKeyAccount } from '../../api/key-accounts.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { CardFormFields, type CardValues, cardInput, cardValues } from './CardFormFields.tsx';

/** 编辑大客户管理卡: specialist, revisit interval, volume, profile, service plan, decision makers. */
export function CardDrawer({
  card,
  open,
  onClose,
}: {
  card: KeyAccountCard;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const update = useUpdateKeyAccount(card.customerId, card.id);
  const formErrors = useFormErrors();

  const submit = (values: CardValues) =>
    update.mutate(cardInput(values), {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => formErrors(form, error),
    });

  return (
    <FormDrawer<CardValues>
      open={open}
      onClose={onClose}
      size={760}
      title={t('keyAccounts.card.editTitle', { name: card.customerName })}
      testId="ka-card-drawer"
      form={form}
      onFinish={submit}
      pending={update.isPending}
      submitTestId="ka-card-save"
      formProps={{ name: 'key-account-card', initialValues: cardValues(card), scrollToFirstError: true }}
    >
      <CardFormFields specialist={card.specialist} />
    </FormDrawer>
  );
}
