import { App, Button, Flex, Form, Input, InputNumber, Switch } from 'antd';
import { ticketTypeCreate } from '../../../shared/schemas/ticket-config.ts';
import { type TicketTypeView, useCreateTicketType, useUpdateTicketType } from '../../api/ticket-config.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { cleanLabel, LocalisedInputs } from '../../components/LocalisedInputs.tsx';
import { useT } from '../../i18n/context.ts';

interface Values {
  code: string;
  label: Record<'zh-CN' | 'zh-TW' | 'en', string>;
  sortOrder: number;
  isActive: boolean;
}

/** Create (type === null) or edit a request type; the code is fixed once created. */
export function TypeForm({
  type,
  canManage,
  nextOrder,
  onSaved,
}: {
  type: TicketTypeView | null;
  canManage: boolean;
  nextOrder: number;
  onSaved: (type: TicketTypeView) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateTicketType();
  const update = useUpdateTicketType();
  const formErrors = useFormErrors();
  const { message } = App.useApp();

  const submit = (values: Values) => {
    const body = { label: cleanLabel(values.label), sortOrder: values.sortOrder, isActive: values.isActive };
    const handlers = {
      onSuccess: (saved: TicketTypeView) => {
        void message.success(type ? t('common.saved') : t('common.created'));
        onSaved(saved);
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (type) update.mutate({ id: type.id, patch: body }, handlers);
    else create.mutate({ ...body, code: values.code.trim() }, handlers);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={type ? `ticket-type-${type.id}` : 'ticket-type-new'}
      disabled={!canManage}
      onFinish={submit}
      initialValues={
        type
          ? { code: type.code, label: type.label, sortOrder: type.sortOrder, isActive: type.isActive }
          : { sortOrder: nextOrder, isActive: true }
      }
    >
      <LocalisedInputs name={['label']} label={t('ticketAdmin.typeName')} testId="ticket-type-label" />
      <Flex gap={16} wrap align="flex-start">
        <Form.Item
          name="code"
          label={t('ticketAdmin.code')}
          extra={type ? undefined : t('ticketAdmin.codeHint')}
          rules={[{ required: true }, zodRule(ticketTypeCreate.shape.code, t('ticketAdmin.codeInvalid'))]}
          style={{ flex: '1 1 200px' }}
        >
          <Input
            maxLength={41}
            disabled={!!type}
            placeholder="field_service"
            data-testid="ticket-type-code"
          />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('ticketAdmin.sortOrder')}
          extra={t('ticketAdmin.sortOrderHint')}
          rules={[{ required: true }]}
          style={{ flex: '0 1 160px' }}
        >
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
        </Form.Item>
      </Flex>
      {canManage ? (
        <Flex justify="flex-end">
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="ticket-type-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
