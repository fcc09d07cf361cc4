import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { type MessageTemplateView, useSaveTemplate } from '../../api/notifications.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { useInsertAtCaret, VariableChips } from './VariableChips.tsx';

interface Values {
  subject?: string | null;
  body: string;
}

/** Edits one template (one message, channel and language); `variables` are those the message offers. */
export function TemplateModal({
  template,
  title,
  channelName,
  variables,
  onClose,
}: {
  template: MessageTemplateView;
  title: string;
  channelName: string;
  variables: string[];
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const body = useInsertAtCaret(form, 'body');
  const hasSubject = template.subject !== null;

  const submit = (values: Values) => {
    save.mutate(
      {
        key: template.key,
        channel: template.channel,
        locale: template.locale,
        subject: hasSubject ? (values.subject?.trim() ?? null) : null,
        body: values.body,
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
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
      title={`${title} · ${channelName} · ${LOCALE_NAMES[template.locale]}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
        {template.key} / {template.channel} / {template.locale}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('templates.msg.variablesHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="message-template"
        onFinish={submit}
        initialValues={{ subject: template.subject, body: template.body }}
      >
        {hasSubject ? (
          <Form.Item
            name="subject"
            label={
              template.channel === 'in_app'
                ? t('templates.msg.notificationTitle')
                : t('templates.msg.subject')
            }
            rules={[{ required: true, whitespace: true }, { max: 300 }]}
          >
            <Input maxLength={300} data-testid="template-subject" />
          </Form.Item>
        ) : null}
        <Form.Item label={t('templates.msg.body')} required>
          <VariableChips variables={variables} onInsert={body.insert} />
          <Form.Item name="body" noStyle rules={[{ required: true, whitespace: true }, { max: 20_000 }]}>
            <Input.TextArea
              ref={body.ref}
              autoSize={{ minRows: 6, maxRows: 18 }}
              maxLength={20_000}
              data-testid="template-body"
            />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
