import { Alert, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { contactFields, customerFields } from '../../../shared/schemas/customers.ts';
import type { ApplicationDetail } from '../../api/customer-applications.ts';
import { zodRule } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { useT } from '../../i18n/context.ts';
import { type ApplicationValues, periodMismatch } from './application-form.ts';

const LEVELS = ['I', 'II', 'III'] as const;

function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 8 }}>
      {children}
    </Divider>
  );
}

/**
 * The 《新客户申请表》: the prospective customer (main 《客户一览表》 fields and first contact), the credit
 * asked for, and the investigation. `saved` is the draft being edited (null for a new application).
 */
export function ApplicationFormFields({
  saved,
  duplicateHint,
}: {
  saved: ApplicationDetail | null;
  duplicateHint?: ReactNode;
}) {
  const t = useT();
  const form = Form.useFormInstance<ApplicationValues>();
  const kind = Form.useWatch('kind', form) ?? 'company';
  const level = Form.useWatch('requestedCreditLevel', form);
  const period = Form.useWatch('requestedCreditPeriodDays', form);
  const text = (
    name: keyof typeof customerFields & keyof ApplicationValues,
    label: string,
    max: number,
    extra?: string,
  ) => (
    <Form.Item name={name} label={label} rules={[zodRule(customerFields[name])]} extra={extra}>
      <Input maxLength={max} data-testid={`admission-${name}`} />
    </Form.Item>
  );
  const contact = saved?.customer.contacts.find((c) => c.isPrimary) ?? saved?.customer.contacts[0];

  return (
    <>
      <Section>{t('admission.section.customer')}</Section>
      <Form.Item name="kind" label={t('admission.f.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'company', label: t('admission.kind.company') },
            { value: 'individual', label: t('admission.kind.individual') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={kind === 'individual' ? t('admission.f.personName') : t('admission.f.name')}
        rules={[{ required: true, whitespace: true }, zodRule(customerFields.name)]}
        extra={duplicateHint}
      >
        <Input maxLength={200} data-testid="admission-customer-name" />
      </Form.Item>
      <Row gutter={16}>
        <Half>{text('industry', t('admission.f.industry'), 60)}</Half>
        <Half>{text('region', t('admission.f.region'), 60)}</Half>
        <Col xs={24}>{text('address', t('admission.f.address'), 300)}</Col>
        <Half>{text('postalCode', t('admission.f.postalCode'), 20)}</Half>
        <Half>
          {text(
            'phone',
            t('admission.f.phone'),
            50,
            saved?.customer.masked && saved.customer.phone
              ? t('admission.f.phoneKeep', { masked: saved.customer.phone })
              : undefined,
          )}
        </Half>
        <Half>{text('bankName', t('admission.f.bankName'), 100)}</Half>
        <Half>
          <Form.Item
            name="bankAccount"
            label={t('admission.f.bankAccount')}
            rules={[zodRule(customerFields.bankAccount)]}
            extra={
              saved?.customer.bankAccount
                ? t('admission.f.bankAccountKeep', { masked: saved.customer.bankAccount })
                : undefined
            }
          >
            <Input maxLength={60} autoComplete="off" data-testid="admission-bankAccount" />
          </Form.Item>
        </Half>
        <Half>{text('taxId', t('admission.f.taxId'), 40)}</Half>
        <Half>{text('source', t('admission.f.source'), 60)}</Half>
      </Row>

      <Section>{t('admission.section.contact')}</Section>
      {saved ? (
        <Typography.Paragraph
          type="secondary"
          style={{ marginBottom: 24 }}
          data-testid="admission-contact-readonly"
        >
          {contact
            ? [contact.name, contact.title, contact.mobile, contact.email].filter(Boolean).join(' · ')
            : '—'}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('admission.contactLater')}
          </Typography.Text>
        </Typography.Paragraph>
      ) : (
        <Row gutter={16}>
          <Half>
            <Form.Item
              name="contactName"
              label={t('admission.f.contactName')}
              rules={[zodRule(contactFields.name)]}
            >
              <Input maxLength={100} data-testid="admission-contactName" />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item
              name="contactTitle"
              label={t('admission.f.contactTitle')}
              rules={[zodRule(contactFields.title)]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item
              name="contactMobile"
              label={t('admission.f.contactMobile')}
              rules={[zodRule(contactFields.mobile)]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item
              name="contactEmail"
              label={t('admission.f.contactEmail')}
              rules={[zodRule(contactFields.email, t('common.invalidEmail'))]}
            >
              <Input inputMode="email" maxLength={200} />
            </Form.Item>
          </Half>
        </Row>
      )}

      <Section>{t('admission.section.credit')}</Section>
      <Form.Item
        name="requestedCreditLevel"
        label={t('admission.f.creditLevel')}
        rules={[{ required: true }]}
        extra={t('admission.approverHint')}
      >
        <Radio.Group data-testid="admission-credit-level">
          {LEVELS.map((l) => (
            <Radio.Button key={l} value={l} style={{ height: 'auto' }}>
              <span
                data-testid={`admission-credit-level-${l}`}
                style={{ display: 'inline-block', padding: '4px 2px', lineHeight: 1.4 }}
              >
                <strong>{t('admission.level', { level: l })}</strong>
                <br />
                <span style={{ fontSize: 12, opacity: 0.75 }}>{t(`admission.levelHint.${l}`)}</span>
              </span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="requestedClass" label={t('admission.f.requestedClass')}>
            <Select
              allowClear
              placeholder={t('admission.class.none')}
              data-testid="admission-class"
              options={(['A', 'B', 'C'] as const).map((c) => ({
                value: c,
                label: t(`admission.class.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="requestedCreditLimit" label={t('admission.f.creditLimit')}>
            <InputNumber<number>
              min={0}
              step={10000}
              style={{ width: '100%' }}
              {...moneyInput}
              data-testid="admission-credit-limit"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="requestedCreditPeriodDays" label={t('admission.f.creditPeriod')}>
            <InputNumber<number>
              min={0}
              max={3650}
              precision={0}
              style={{ width: '100%' }}
              data-testid="admission-credit-period"
            />
          </Form.Item>
        </Col>
      </Row>
      {periodMismatch(level, period) && (level === 'I' || level === 'II') ? (
        <Alert
          type="warning"
          showIcon
          title={t(`admission.periodHint.${level}`)}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      <Section>{t('admission.section.business')}</Section>
      <Form.Item name="expectedAnnualSales" label={t('admission.f.expectedSales')}>
        <InputNumber<number> min={0} step={100000} style={{ width: '100%', maxWidth: 320 }} {...moneyInput} />
      </Form.Item>
      <Form.Item name="businessScope" label={t('admission.f.businessScope')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="investigationNotes"
        label={t('admission.f.notes')}
        extra={t('admission.f.notesHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={5} maxLength={8000} showCount data-testid="admission-notes" />
      </Form.Item>
    </>
  );
}
