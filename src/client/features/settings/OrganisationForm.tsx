import { Alert, App, Button, Col, Form, Input, Row, Select } from 'antd';
import { LOCALES, type Locale } from '../../../shared/locale.ts';
import { organisationUpdate } from '../../../shared/schemas/organisation.ts';
import { useUpdateOrganisation } from '../../api/organisation.ts';
import type { OrganisationView } from '../../api/types.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';

interface Values {
  name: string;
  shortName?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  timeZone: string;
  defaultLocale: Locale;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function OrganisationForm({
  organisation,
  canManage,
}: {
  organisation: OrganisationView;
  canManage: boolean;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrganisation();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const shape = organisationUpdate.shape;

  const submit = (values: Values) =>
    update.mutate(
      {
        name: values.name.trim(),
        shortName: blankToNull(values.shortName),
        address: blankToNull(values.address),
        phone: blankToNull(values.phone),
        email: blankToNull(values.email),
        website: blankToNull(values.website),
        timeZone: values.timeZone,
        defaultLocale: values.defaultLocale,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={!canManage}
      name="organisation"
      style={{ maxWidth: 880 }}
      initialValues={{
        name: organisation.name,
        shortName: organisation.shortName ?? '',
        address: organisation.address ?? '',
        phone: organisation.phone ?? '',
        email: organisation.email ?? '',
        website: organisation.website ?? '',
        timeZone: organisation.timeZone,
        defaultLocale: organisation.defaultLocale,
      }}
    >
      {canManage ? null : (
        <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('settings.name')}
            rules={[{ required: true, whitespace: true }, zodRule(shape.name)]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="shortName" label={t('settings.shortName')} rules={[zodRule(shape.shortName)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('settings.address')} rules={[zodRule(shape.address)]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('settings.phone')} rules={[zodRule(shape.phone)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="email"
            label={t('settings.email')}
            rules={[zodRule(shape.email, t('common.invalidEmail'))]}
          >
            <Input inputMode="email" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="website" label={t('settings.website')} rules={[zodRule(shape.website)]}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="timeZone"
            label={t('settings.timeZone')}
            extra={t('settings.timeZoneHint')}
            rules={[{ required: true }]}
          >
            <TimeZoneSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="defaultLocale"
            label={t('settings.defaultLocale')}
            extra={t('settings.defaultLocaleHint')}
            rules={[{ required: true }]}
          >
            <Select options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
          </Form.Item>
        </Col>
      </Row>
      {canManage ? (
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="organisation-submit">
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}
