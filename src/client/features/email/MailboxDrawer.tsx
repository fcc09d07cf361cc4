import { App, Checkbox, Divider, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { mailboxCreate } from '../../../shared/schemas/email.ts';
import { useTeams } from '../../api/assignment.ts';
import { type MailboxPatch, type MailboxView, useSaveMailbox } from '../../api/email.ts';
import { useCan } from '../../api/session.ts';
import { useTicketTypes } from '../../api/ticket-config.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { pick } from '../../components/labels.ts';
import { useI18n } from '../../i18n/context.ts';

interface Values {
  name: string;
  address: string;
  isActive: boolean;
  imapHost?: string | null;
  imapPort: number;
  imapTls: boolean;
  imapUser?: string | null;
  imapPassword?: string;
  clearImapPassword?: boolean;
  imapFolder: string;
  smtpHost?: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser?: string | null;
  smtpPassword?: string;
  clearSmtpPassword?: boolean;
  defaultTypeId?: number | null;
  defaultTeamId?: number | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
/** Write-only: typed replaces, "clear" removes, untouched keeps (absent from the request). */
const secret = (typed: string | undefined, clear: boolean | undefined) =>
  clear ? null : typed ? typed : undefined;

/** Create (mailbox === null) or edit a mailbox's IMAP/SMTP settings and where its mail goes. */
export function MailboxDrawer({ mailbox, onClose }: { mailbox: MailboxView | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const save = useSaveMailbox();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const types = useTicketTypes(can('ticket.read'));
  const teams = useTeams(can('ticket.read'));
  const shape = mailboxCreate.shape;

  const submit = (v: Values) => {
    const input: MailboxPatch = {
      name: v.name.trim(),
      address: v.address.trim(),
      isActive: v.isActive,
      imapHost: blank(v.imapHost),
      imapPort: v.imapPort,
      imapTls: v.imapTls,
      imapUser: blank(v.imapUser),
      imapFolder: v.imapFolder.trim() || 'INBOX',
      smtpHost: blank(v.smtpHost),
      smtpPort: v.smtpPort,
      smtpSecure: v.smtpSecure,
      smtpUser: blank(v.smtpUser),
      defaultTypeId: v.defaultTypeId ?? null,
      defaultTeamId: v.defaultTeamId ?? null,
    };
    const imapPassword = secret(v.imapPassword, v.clearImapPassword);
    const smtpPassword = secret(v.smtpPassword, v.clearSmtpPassword);
    if (imapPassword !== undefined) input.imapPassword = imapPassword;
    if (smtpPassword !== undefined) input.smtpPassword = smtpPassword;
    save.mutate(
      { id: mailbox?.id ?? null, input },
      {
        onSuccess: () => {
          void message.success(mailbox ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  /** Switching encryption moves a standard port to its counterpart (993↔143, 465↔587). */
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.imapTls !== undefined) {
      const port = form.getFieldValue('imapPort');
      if (port === 993 || port === 143) form.setFieldValue('imapPort', changed.imapTls ? 993 : 143);
    }
    if (changed.smtpSecure !== undefined) {
      const port = form.getFieldValue('smtpPort');
      if (port === 465 || port === 587) form.setFieldValue('smtpPort', changed.smtpSecure ? 465 : 587);
    }
  };

  /** Host, port, TLS and user name: the same four fields for receiving (IMAP) and sending (SMTP). */
  const server = (kind: 'imap' | 'smtp') => (
    <>
      <Form.Item
        name={`${kind}Host`}
        label={t('mailboxes.host')}
        rules={[zodRule(kind === 'imap' ? shape.imapHost : shape.smtpHost)]}
        style={{ flex: '2 1 240px' }}
      >
        <Input maxLength={253} placeholder={`${kind}.exmail.qq.com`} data-testid={`mailbox-${kind}-host`} />
      </Form.Item>
      <Form.Item
        name={`${kind}Port`}
        label={t('mailboxes.port')}
        rules={[{ required: true }]}
        style={{ flex: '0 1 120px' }}
      >
        <InputNumber
          min={1}
          max={65535}
          precision={0}
          style={{ width: '100%' }}
          data-testid={`mailbox-${kind}-port`}
        />
      </Form.Item>
      <Form.Item
        name={kind === 'imap' ? 'imapTls' : 'smtpSecure'}
        label={t('mailboxes.tls')}
        valuePropName="checked"
      >
        <Switch data-testid={`mailbox-${kind}-tls`} />
      </Form.Item>
      <Form.Item
        name={`${kind}User`}
        label={t('mailboxes.user')}
        extra={t('mailboxes.userHint')}
        style={{ flex: '1 1 240px' }}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </>
  );

  const password = (kind: 'imap' | 'smtp', has: boolean) => (
    <Flex gap={12} align="flex-start" wrap style={{ flex: '1 1 100%' }}>
      <Form.Item
        name={`${kind}Password`}
        label={t('mailboxes.password')}
        style={{ flex: '1 1 240px' }}
        extra={has ? `${t('mailboxes.passwordKeep')} ${t('mailboxes.passwordClearedOnMove')}` : undefined}
      >
        <Input.Password
          autoComplete="new-password"
          maxLength={500}
          placeholder={has ? t('mailboxes.passwordSet') : t('mailboxes.passwordNotSet')}
          data-testid={`mailbox-${kind}-password`}
        />
      </Form.Item>
      {has ? (
        <Form.Item
          name={kind === 'imap' ? 'clearImapPassword' : 'clearSmtpPassword'}
          valuePropName="checked"
          label=" "
        >
          <Checkbox>{t('mailboxes.passwordClear')}</Checkbox>
        </Form.Item>
      ) : null}
    </Flex>
  );

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={720}
      title={mailbox ? mailbox.name : t('mailboxes.create')}
      testId="mailbox-drawer"
      form={form}
      onFinish={submit}
      pending={save.isPending}
      submitTestId="mailbox-save"
      formProps={{
        name: 'mailbox',
        onValuesChange,
        initialValues: mailbox
          ? { ...mailbox }
          : {
              isActive: true,
              imapPort: 993,
              imapTls: true,
              imapFolder: 'INBOX',
              smtpPort: 465,
              smtpSecure: true,
            },
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('mailboxes.name')}
          rules={[{ required: true, whitespace: true }, zodRule(shape.name)]}
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={100} placeholder={t('mailboxes.namePlaceholder')} data-testid="mailbox-name" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('mailboxes.address')}
          rules={[{ required: true }, zodRule(shape.address, t('common.invalidEmail'))]}
          style={{ flex: '1 1 260px' }}
        >
          <Input maxLength={200} placeholder="service@example.com" data-testid="mailbox-address" />
        </Form.Item>
        <Form.Item name="isActive" label={t('mailboxes.polling')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
        </Form.Item>
      </Flex>
      <Divider titlePlacement="start">{t('mailboxes.imap')}</Divider>
      <Typography.Paragraph type="secondary">{t('mailboxes.imapHint')}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {server('imap')}
        <Form.Item
          name="imapFolder"
          label={t('mailboxes.folder')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 160px' }}
        >
          <Input maxLength={200} />
        </Form.Item>
        {password('imap', !!mailbox?.hasImapPassword)}
      </Flex>
      <Divider titlePlacement="start">{t('mailboxes.smtp')}</Divider>
      <Typography.Paragraph type="secondary">{t('mailboxes.smtpHint')}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {server('smtp')}
        {password('smtp', !!mailbox?.hasSmtpPassword)}
      </Flex>
      <Divider titlePlacement="start">{t('mailboxes.routing')}</Divider>
      <Flex gap={12} wrap>
        <Form.Item name="defaultTypeId" label={t('mailboxes.defaultType')} style={{ flex: '1 1 240px' }}>
          <Select
            allowClear
            disabled={!can('ticket.read')}
            placeholder={t('mailboxes.defaultTypeNone')}
            options={(types.data ?? []).map((x) => ({ value: x.id, label: pick(x.label, locale) }))}
          />
        </Form.Item>
        <Form.Item name="defaultTeamId" label={t('mailboxes.defaultTeam')} style={{ flex: '1 1 240px' }}>
          <Select
            allowClear
            disabled={!can('ticket.read')}
            placeholder={t('mailboxes.defaultTeamNone')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
      </Flex>
    </FormDrawer>
  );
}
