import { Alert, App, Button, Card, Col, Divider, Form, InputNumber, Row, Select, Switch, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { CUSTOMER_CLASSES, customerSettings } from '../../../shared/schemas/customers.ts';
import { type CustomerSettings, useCustomerSettings, useSaveCustomerSettings } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { useSlaPolicies } from '../../api/ticket-config.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { FieldsPanel } from '../ticket-config/FieldsPanel.tsx';
import { ClassTag } from './labels.tsx';

const shape = customerSettings.shape;
const planShape = shape.plans.shape.A.shape;

function SlaSelect({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const t = useT();
  const policies = useSlaPolicies();
  return (
    <Select<number | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      loading={policies.isPending}
      options={[
        { value: null, label: t('customers.s.slaNone') },
        ...(policies.data ?? []).map((p) => ({ value: p.id, label: p.name })),
      ]}
    />
  );
}

function SettingsForm({ settings, canManage }: { settings: CustomerSettings; canManage: boolean }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerSettings>();
  const save = useSaveCustomerSettings();
  const formErrors = useFormErrors();
  const money = { ...moneyInput, min: 0, step: 100_000, style: { width: '100%' } } as const;

  return (
    <Form<CustomerSettings>
      form={form}
      layout="vertical"
      name="customer-settings"
      initialValues={settings}
      disabled={!canManage}
      onFinish={(values) =>
        save.mutate(values, {
          onSuccess: () => void message.success(t('common.saved')),
          onError: (error) => formErrors(form, error),
        })
      }
      style={{ maxWidth: 960 }}
      data-testid="customer-settings-form"
    >
      {canManage ? null : (
        <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('customers.s.lifecycle')}
      </Divider>
      <Form.Item
        name="dormancyDays"
        label={t('customers.s.dormancyDays')}
        extra={t('customers.s.dormancyHint')}
        rules={[{ required: true }, zodRule(shape.dormancyDays)]}
      >
        <InputNumber
          min={30}
          max={3650}
          precision={0}
          style={{ width: 200 }}
          data-testid="settings-dormancy"
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('customers.s.classRules')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="classAMinSales"
            label={t('customers.s.classAMinSales')}
            rules={[{ required: true }, zodRule(shape.classAMinSales)]}
          >
            <InputNumber {...money} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="classBMinSales"
            label={t('customers.s.classBMinSales')}
            rules={[{ required: true }, zodRule(shape.classBMinSales)]}
          >
            <InputNumber {...money} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="classBMinRequests"
            label={t('customers.s.classBMinRequests')}
            rules={[{ required: true }, zodRule(shape.classBMinRequests)]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('customers.s.plans')}</Divider>
      <Row gutter={16}>
        {CUSTOMER_CLASSES.map((c) => (
          <Col xs={24} lg={8} key={c}>
            <Card
              size="small"
              title={<ClassTag value={c} />}
              style={{ marginBottom: 16 }}
              data-testid={`plan-${c}`}
            >
              <Form.Item
                name={['plans', c, 'revisitDays']}
                label={t('customers.s.revisitDays')}
                rules={[{ required: true }, zodRule(planShape.revisitDays)]}
              >
                <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={['plans', c, 'surveyCoveragePercent']}
                label={t('customers.s.survey')}
                rules={[{ required: true }, zodRule(planShape.surveyCoveragePercent)]}
              >
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={['plans', c, 'slaPolicyId']} label={t('customers.s.sla')}>
                {can('ticket.read') ? <SlaSelect /> : <InputNumber disabled style={{ width: '100%' }} />}
              </Form.Item>
              <Form.Item
                name={['plans', c, 'greetings']}
                label={t('customers.s.greetings')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Card>
          </Col>
        ))}
      </Row>
      {canManage ? (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}

/** 客户自定义字段: the fields added to every customer file (reading them needs customer.read too). */
function FieldsTab({ canManage }: { canManage: boolean }) {
  const t = useT();
  return (
    <>
      <Alert type="info" showIcon title={t('customerFields.intro')} style={{ marginBottom: 16 }} />
      {canManage ? null : (
        <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <FieldsPanel type={null} canManage={canManage} />
    </>
  );
}

/**
 * 客户设置: when customers go dormant, how classes are suggested, each class's service plan, and the
 * custom fields of the customer file.
 */
export default function CustomerSettingsPage() {
  const t = useT();
  const can = useCan();
  const settings = useCustomerSettings();
  const [params, setParams] = useSearchParams();
  const withFields = can('customer.read');
  const tab = withFields && params.get('tab') === 'fields' ? 'fields' : 'rules';
  return (
    <>
      <PageHeader title={t('customers.settings.title')} subtitle={t('customers.settings.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'rules',
            label: t('customerFields.tab.rules'),
            children: (
              <Card>
                <LoadState query={settings} rows={10}>
                  {(s) => <SettingsForm settings={s} canManage={can('settings.manage')} />}
                </LoadState>
              </Card>
            ),
          },
          ...(withFields
            ? [
                {
                  key: 'fields',
                  label: (
                    <span data-testid="customer-settings-fields-tab">{t('customerFields.tab.fields')}</span>
                  ),
                  children: <FieldsTab canManage={can('settings.manage')} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
