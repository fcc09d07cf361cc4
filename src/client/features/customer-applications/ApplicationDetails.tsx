import { Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationDetail } from '../../api/customer-applications.ts';
import { useT } from '../../i18n/context.ts';
import { useCreditFormat } from '../credit-changes/labels.tsx';
import { LevelTag } from './labels.tsx';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const show = (v: ReactNode) => (v === null || v === undefined || v === '' ? none : v);
const pre = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : none);

function Section({ title, items }: { title?: string; items: DescriptionsProps['items'] }) {
  return (
    <Descriptions
      title={title}
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={items}
      style={{ marginBottom: 16 }}
      styles={{ label: { width: 140 } }}
    />
  );
}

/**
 * A filed application, read-only: the customer as applied for (masked as the server served it), the
 * credit requested and the investigation. `compact` leaves out addresses and numbers (the approval view).
 */
export function ApplicationDetails({
  application: a,
  compact = false,
}: {
  application: ApplicationDetail;
  compact?: boolean;
}) {
  const t = useT();
  const credit = useCreditFormat();
  const c = a.customer;
  const contact = c.contacts.find((x) => x.isPrimary) ?? c.contacts[0];
  const customerItems: DescriptionsProps['items'] = [
    {
      key: 'name',
      label: c.kind === 'individual' ? t('admission.f.personName') : t('admission.f.name'),
      span: 'filled',
      children: (
        <Typography.Text strong>
          {c.name}{' '}
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontWeight: 400 }}>
            {c.code}
          </Typography.Text>
        </Typography.Text>
      ),
    },
    { key: 'kind', label: t('admission.f.kind'), children: t(`admission.kind.${c.kind}`) },
    { key: 'industry', label: t('admission.f.industry'), children: show(c.industry) },
    { key: 'region', label: t('admission.f.region'), children: show(c.region) },
    { key: 'source', label: t('admission.f.source'), children: show(c.source) },
    ...(compact
      ? []
      : [
          {
            key: 'address',
            label: t('admission.f.address'),
            span: 'filled' as const,
            children: show(c.address),
          },
          { key: 'postalCode', label: t('admission.f.postalCode'), children: show(c.postalCode) },
          { key: 'phone', label: t('admission.f.phone'), children: show(c.phone) },
          { key: 'bankName', label: t('admission.f.bankName'), children: show(c.bankName) },
          { key: 'bankAccount', label: t('admission.f.bankAccount'), children: show(c.bankAccount) },
          { key: 'taxId', label: t('admission.f.taxId'), children: show(c.taxId) },
          {
            key: 'contact',
            label: t('admission.section.contact'),
            children: contact
              ? [contact.name, contact.title, contact.mobile, contact.email].filter(Boolean).join(' · ')
              : none,
          },
        ]),
  ];
  return (
    <div data-testid="application-details">
      <Section title={compact ? undefined : t('admission.section.customer')} items={customerItems} />
      <Section
        title={t('admission.section.credit')}
        items={[
          {
            key: 'level',
            label: t('admission.f.creditLevel'),
            children: (
              <Flex gap={6} align="center" wrap>
                <LevelTag level={a.requestedCreditLevel} />
                <Typography.Text type="secondary">
                  {t(`admission.levelHint.${a.requestedCreditLevel}`)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'class',
            label: t('admission.f.requestedClass'),
            children: a.requestedClass ? t(`admission.class.${a.requestedClass}`) : t('admission.class.none'),
          },
          {
            key: 'limit',
            label: t('approvals.credit.limit'),
            children: credit.money(a.requestedCreditLimit),
          },
          {
            key: 'period',
            label: t('approvals.credit.period'),
            children: credit.days(a.requestedCreditPeriodDays),
          },
        ]}
      />
      <Section
        title={t('admission.section.business')}
        items={[
          {
            key: 'sales',
            label: t('admission.f.expectedSalesShort'),
            span: 'filled',
            children: a.expectedAnnualSales === null ? none : credit.money(a.expectedAnnualSales),
          },
          {
            key: 'scope',
            label: t('admission.f.businessScope'),
            span: 'filled',
            children: pre(a.businessScope),
          },
          {
            key: 'notes',
            label: t('admission.f.notes'),
            span: 'filled',
            children: pre(a.investigationNotes),
          },
        ]}
      />
    </div>
  );
}
