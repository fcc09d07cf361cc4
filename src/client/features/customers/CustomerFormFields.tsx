import { Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { CREDIT_LEVELS, CUSTOMER_CLASSES, customerCreate } from '../../../shared/schemas/customers.ts';
import type { CustomerDetail } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { zodRule } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { type CustomerValues, filingRights } from './customer-form.ts';
import { useCustomerLabels } from './labels.tsx';

const shape = customerCreate.shape;

function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}

/**
 * The 《客户一览表》 fields, grouped as the paper form groups them. `customer` is the file being edited:
 * its masked phones and encrypted numbers are shown as hints, never as values.
 */
export function CustomerFormFields({
  customer,
  duplicateHint,
}: {
  customer: CustomerDetail | null;
  duplicateHint: ReactNode;
}) {
  const t = useT();
  const labels = useCustomerLabels();
  const form = Form.useFormInstance<CustomerValues>();
  const kind = Form.useWatch('kind', form) ?? customer?.kind ?? 'company';
  const editing = customer !== null;
  // Admission, class and credit have their own approvals: a filer sees only what they may set.
  const rights = filingRights(useCan());
  const maskedExtra = (value: string | null) =>
    editing && customer.masked && value ? t('customers.f.maskedHint', { masked: value }) : undefined;
  const secretExtra = (value: string | null) =>
    editing && value ? t('customers.f.secretKeep', { masked: value }) : t('customers.f.secretNew');
  const text = (
    name: keyof typeof shape & keyof CustomerValues,
    label: string,
    max: number,
    extra?: string,
  ) => (
    <Form.Item name={name} label={label} rules={[zodRule(shape[name])]} extra={extra}>
      <Input maxLength={max} data-testid={`customer-${name}`} />
    </Form.Item>
  );

  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('customers.section.basic')}
      </Divider>
      <Form.Item name="kind" label={t('customers.f.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'company', label: labels.kind('company') },
            { value: 'individual', label: labels.kind('individual') },
          ]}
          data-testid="customer-kind"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={kind === 'individual' ? t('customers.f.personName') : t('customers.f.name')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.name)]}
        extra={duplicateHint}
      >
        <Input maxLength={200} data-testid="customer-name" />
      </Form.Item>
      <Row gutter={16}>
        <Half>{text('shortName', t('customers.f.shortName'), 60)}</Half>
        <Half>
          {text('code', t('customers.f.code'), 40, editing ? undefined : t('customers.f.codeHint'))}
        </Half>
        <Half>{text('industry', t('customers.f.industry'), 60)}</Half>
        <Half>{text('region', t('customers.f.region'), 60)}</Half>
        <Half>{text('source', t('customers.f.source'), 60)}</Half>
        <Half>
          <Form.Item name="partnerSince" label={t('customers.f.partnerSince')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Half>
      </Row>
      <Form.Item name="tags" label={t('customers.f.tags')} rules={[zodRule(shape.tags)]}>
        <Select mode="tags" open={false} suffixIcon={null} placeholder={t('customers.f.tagsHint')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('customers.section.contact')}</Divider>
      <Form.Item name="address" label={t('customers.f.address')} rules={[zodRule(shape.address)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Half>{text('phone', t('customers.f.phone'), 50, maskedExtra(customer?.phone ?? null))}</Half>
        <Half>{text('fax', t('customers.f.fax'), 50, maskedExtra(customer?.fax ?? null))}</Half>
        <Half>
          <Form.Item
            name="email"
            label={t('customers.f.email')}
            rules={[zodRule(shape.email, t('common.invalidEmail'))]}
            extra={maskedExtra(customer?.email ?? null)}
          >
            <Input inputMode="email" maxLength={200} />
          </Form.Item>
        </Half>
        <Half>{text('postalCode', t('customers.f.postalCode'), 20)}</Half>
      </Row>
      {text('website', t('customers.f.website'), 200)}

      <Divider titlePlacement="start">{t('customers.section.bank')}</Divider>
      <Row gutter={16}>
        <Half>{text('bankName', t('customers.f.bankName'), 100)}</Half>
        <Half>
          <Form.Item
            name="bankAccount"
            label={t('customers.f.bankAccount')}
            rules={[zodRule(shape.bankAccount)]}
            extra={secretExtra(customer?.bankAccount ?? null)}
          >
            <Input maxLength={60} autoComplete="off" data-testid="customer-bankAccount" />
          </Form.Item>
        </Half>
        <Half>
          {kind === 'individual' ? (
            <Form.Item
              name="idNumber"
              label={t('customers.f.idNumber')}
              rules={[zodRule(shape.idNumber)]}
              extra={secretExtra(customer?.idNumber ?? null)}
            >
              <Input maxLength={40} autoComplete="off" data-testid="customer-idNumber" />
            </Form.Item>
          ) : (
            text('taxId', t('customers.f.taxId'), 40)
          )}
        </Half>
      </Row>

      <Divider titlePlacement="start">{t('customers.section.business')}</Divider>
      <Row gutter={16}>
        <Half>
          <Form.Item
            name="annualSales"
            label={t('customers.f.annualSales')}
            rules={[zodRule(shape.annualSales)]}
          >
            <InputNumber
              {...moneyInput}
              min={0}
              step={10000}
              style={{ width: '100%' }}
              data-testid="customer-annualSales"
            />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="salesYear" label={t('customers.f.salesYear')} rules={[zodRule(shape.salesYear)]}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Half>
        {editing || !rights.classify ? null : (
          <Half>
            <Form.Item name="class" label={t('customers.f.class')}>
              <Select
                allowClear
                placeholder={t('customers.class.none')}
                options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: labels.classLong(c) }))}
                data-testid="customer-form-class"
              />
            </Form.Item>
          </Half>
        )}
        {editing || !rights.credit ? null : (
          <>
            <Half>
              <Form.Item name="creditLevel" label={t('customers.f.creditLevel')}>
                <Select
                  allowClear
                  options={CREDIT_LEVELS.map((c) => ({ value: c, label: labels.credit(c) }))}
                />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name="creditLimit" label={t('customers.f.creditLimit')}>
                <InputNumber {...moneyInput} min={0} step={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name="creditPeriodDays" label={t('customers.f.creditPeriodDays')}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Half>
          </>
        )}
      </Row>
      {editing || rights.admit ? null : (
        <Form.Item label={t('customers.f.lifecycle')} extra={t('customers.f.filedAsProspect')}>
          {t('customers.f.lifecycleProspect')}
        </Form.Item>
      )}
      {editing || !rights.admit ? null : (
        <Form.Item name="lifecycle" label={t('customers.f.lifecycle')}>
          <Radio.Group
            options={[
              { value: 'active', label: t('customers.f.lifecycleActive') },
              { value: 'prospect', label: t('customers.f.lifecycleProspect') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="notes" label={t('customers.f.notes')} rules={[zodRule(shape.notes)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>

      <Divider titlePlacement="start">{t('customers.section.ownership')}</Divider>
      <Row gutter={16}>
        <Half>
          <Form.Item name="ownerUserId" label={t('customers.f.owner')}>
            <StaffSelect current={customer?.owner} testId="customer-owner" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="advisorUserId" label={t('customers.f.advisor')}>
            <StaffSelect current={customer?.advisor} testId="customer-advisor" />
          </Form.Item>
        </Half>
      </Row>
    </>
  );
}
