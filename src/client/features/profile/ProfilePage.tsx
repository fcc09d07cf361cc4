import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Skeleton, Tag } from 'antd';
import { LOCALES, type Locale } from '../../../shared/locale.ts';
import { updateProfileRequest } from '../../../shared/schemas/auth.ts';
import { useCan, useSession, useUpdateProfile } from '../../api/session.ts';
import { useUser } from '../../api/users.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { useRoleName } from '../roles/role-name.ts';

interface Values {
  displayName: string;
  email?: string;
  phone?: string;
  locale: Locale;
}

function ProfileForm({ phone, phoneKnown }: { phone: string | null; phoneKnown: boolean }) {
  const { t, locale: uiLocale, setLocale } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProfile();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const shape = updateProfileRequest.shape;

  const submit = (values: Values) => {
    const phoneValue = values.phone?.trim() ?? '';
    update.mutate(
      {
        displayName: values.displayName.trim(),
        email: values.email?.trim() ? values.email.trim() : null,
        // Without the right to read user records the current phone is unknown: empty keeps it.
        ...(phoneKnown || phoneValue ? { phone: phoneValue || null } : {}),
        locale: values.locale,
      },
      {
        onSuccess: () => {
          if (values.locale !== uiLocale) setLocale(values.locale);
          void message.success(t('common.saved'));
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      name="profile"
      initialValues={{
        displayName: me.user.displayName,
        email: me.user.email ?? '',
        phone: phone ?? '',
        locale: me.user.locale,
      }}
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.displayName)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.email')}
        rules={[zodRule(shape.email, t('common.invalidEmail'))]}
      >
        <Input inputMode="email" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('users.phone')}
        extra={phoneKnown ? undefined : t('profile.phoneKeep')}
        rules={[zodRule(shape.phone)]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="locale" label={t('users.locale')}>
        <Select options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

export default function ProfilePage() {
  const { t } = useI18n();
  const roleName = useRoleName();
  const me = useSession();
  const can = useCan();
  const canRead = can('user.read');
  const self = useUser(canRead ? me.user.id : undefined);

  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('profile.details')}>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'username', label: t('profile.username'), children: me.user.username },
                {
                  key: 'roles',
                  label: t('profile.roles'),
                  children: (
                    <Flex gap={4} wrap>
                      {me.roles.length === 0
                        ? t('users.noRoles')
                        : me.roles.map((r) => <Tag key={r.id}>{roleName(r)}</Tag>)}
                    </Flex>
                  ),
                },
              ]}
            />
            {canRead && self.isPending ? (
              <Skeleton active />
            ) : (
              <ProfileForm
                key={`${me.user.displayName}|${me.user.email}|${me.user.locale}|${self.data?.phone}`}
                phone={self.data?.phone ?? null}
                phoneKnown={self.data !== undefined}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('profile.security')}>
            <ChangePasswordForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}
