import { App, AutoComplete, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { CANNED_VARIABLES, cannedCreate } from '../../../shared/schemas/ticket-config.ts';
import { useCan } from '../../api/session.ts';
import { type CannedInput, type CannedView, useSaveCanned } from '../../api/ticket-config.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { LANGUAGE_CODES } from '../../components/labels.ts';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { useInsertAtCaret, VariableChips } from '../notifications/VariableChips.tsx';

interface Values {
  title: string;
  body: string;
  category?: string | null;
  language?: CannedInput['language'];
  shared: boolean;
}

/** Create (canned === null) or edit a canned response; shared ones need ticket.configure. */
export function CannedModal({
  canned,
  categories,
  onClose,
}: {
  canned: CannedView | null;
  categories: string[];
  onClose: () => void;
}) {
  const t = useT();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const save = useSaveCanned();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const body = useInsertAtCaret(form, 'body');
  const canShare = can('ticket.configure');

  const submit = (values: Values) => {
    const input: CannedInput = {
      title: values.title.trim(),
      body: values.body.trim(),
      category: values.category?.trim() ? values.category.trim() : null,
      language: values.language ?? null,
      shared: values.shared,
    };
    save.mutate(
      { id: canned?.id ?? null, input },
      {
        onSuccess: () => {
          void message.success(canned ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open
      width={720}
      title={canned ? t('templates.canned.edit') : t('templates.canned.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="canned-response"
        onFinish={submit}
        initialValues={
          canned
            ? {
                title: canned.title,
                body: canned.body,
                category: canned.category,
                language: canned.language as Values['language'],
                shared: canned.shared,
              }
            : { title: '', body: '', shared: false }
        }
      >
        <Form.Item
          name="title"
          label={t('templates.canned.titleLabel')}
          rules={[{ required: true, whitespace: true }, zodRule(cannedCreate.shape.title)]}
        >
          <Input maxLength={200} data-testid="canned-title" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('templates.canned.category')} style={{ flex: '1 1 200px' }}>
            <AutoComplete
              allowClear
              maxLength={50}
              options={categories.map((c) => ({ value: c }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="language" label={t('templates.canned.language')} style={{ flex: '1 1 160px' }}>
            <Select
              allowClear
              placeholder={t('templates.canned.anyLanguage')}
              options={LANGUAGE_CODES.map((c) => ({ value: c, label: LOCALE_NAMES[c] }))}
            />
          </Form.Item>
          <Form.Item
            name="shared"
            label={t('templates.canned.shared')}
            valuePropName="checked"
            extra={canShare ? t('templates.canned.sharedHint') : t('templates.canned.sharedNeedsConfigure')}
            style={{ flex: '1 1 200px' }}
          >
            <Switch disabled={!canShare} data-testid="canned-shared" />
          </Form.Item>
        </Flex>
        <Form.Item label={t('templates.canned.body')} required>
          <VariableChips variables={CANNED_VARIABLES} onInsert={body.insert} />
          <Form.Item
            name="body"
            noStyle
            rules={[{ required: true, whitespace: true }, zodRule(cannedCreate.shape.body)]}
          >
            <Input.TextArea
              ref={body.ref}
              autoSize={{ minRows: 6, maxRows: 16 }}
              maxLength={20_000}
              data-testid="canned-body"
            />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
