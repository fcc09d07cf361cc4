import { LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CustomerDetail } from '../../api/customers.ts';
import { formatMoney } from '../../components/money.ts';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CreditChangeList } from '../credit-changes/CreditChangeList.tsx';
import { ClassTag, CreditTag, LifecycleTag, useCustomerLabels } from './labels.tsx';
import { ProfileCustomFields } from './ProfileCustomFields.tsx';
import type { Revealed } from './RevealValue.tsx';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const show = (v: ReactNode) => (v === null || v === undefined || v === '' ? none : v);

function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  return (
    <Descriptions
      title={title}
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={items}
      style={{ marginBottom: 20 }}
      styles={{ label: { width: 150 } }}
    />
  );
}

/** 档案: every field of the 《客户一览表》, masked as the server served it. */
export function ProfileTab({ customer: c, revealed }: { customer: CustomerDetail; revealed: Revealed }) {
  const { t, locale } = useI18n();
  const fmt = useDateFormat();
  const labels = useCustomerLabels();
  const secret = (field: 'bankAccount' | 'idNumber') =>
    field in revealed ? (
      <Typography.Text style={{ fontFamily: 'monospace' }}>{revealed[field]}</Typography.Text>
    ) : c[field] ? (
      <Typography.Text style={{ fontFamily: 'monospace' }}>
        <LockOutlined /> {c[field]}
      </Typography.Text>
    ) : (
      none
    );

  return (
    <div data-testid="customer-profile">
      {c.masked ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('customers.p.maskedNote')} />
      ) : null}
      <Section
        title={t('customers.section.basic')}
        items={[
          { key: 'name', label: t('customers.f.name'), children: c.name },
          { key: 'shortName', label: t('customers.f.shortName'), children: show(c.shortName) },
          { key: 'code', label: t('customers.f.code'), children: c.code },
          { key: 'kind', label: t('customers.f.kind'), children: labels.kind(c.kind) },
          { key: 'industry', label: t('customers.f.industry'), children: show(c.industry) },
          { key: 'region', label: t('customers.f.region'), children: show(c.region) },
          { key: 'source', label: t('customers.f.source'), children: show(c.source) },
          { key: 'partnerSince', label: t('customers.f.partnerSince'), children: show(c.partnerSince) },
          {
            key: 'tags',
            label: t('customers.f.tags'),
            span: 'filled',
            children:
              c.tags.length > 0 ? (
                <Flex gap={4} wrap>
                  {c.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </Flex>
              ) : (
                none
              ),
          },
        ]}
      />
      <Section
        title={t('customers.section.contact')}
        items={[
          { key: 'phone', label: t('customers.f.phone'), children: show(c.phone) },
          { key: 'fax', label: t('customers.f.fax'), children: show(c.fax) },
          { key: 'email', label: t('customers.f.email'), children: show(c.email) },
          { key: 'website', label: t('customers.f.website'), children: show(c.website) },
          { key: 'address', label: t('customers.f.address'), children: show(c.address) },
          { key: 'postalCode', label: t('customers.f.postalCode'), children: show(c.postalCode) },
        ]}
      />
      <Section
        title={t('customers.section.bank')}
        items={[
          { key: 'bankName', label: t('customers.f.bankName'), children: show(c.bankName) },
          { key: 'bankAccount', label: t('customers.f.bankAccount'), children: secret('bankAccount') },
          c.kind === 'individual'
            ? { key: 'idNumber', label: t('customers.f.idNumber'), children: secret('idNumber') }
            : { key: 'taxId', label: t('customers.f.taxId'), children: show(c.taxId) },
        ]}
      />
      <ProfileCustomFields values={c.customFields} />
      <Section
        title={t('customers.section.business')}
        items={[
          {
            key: 'annualSales',
            label: t('customers.f.annualSales'),
            children: show(formatMoney(c.annualSales, locale)),
          },
          { key: 'salesYear', label: t('customers.f.salesYear'), children: show(c.salesYear) },
          {
            key: 'class',
            label: t('customers.f.class'),
            children: (
              <Flex gap={6} align="center" wrap>
                <ClassTag value={c.class} />
                {c.classReason ? <Typography.Text type="secondary">{c.classReason}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            key: 'credit',
            label: t('customers.f.creditLevel'),
            children: c.creditLevel ? <CreditTag value={c.creditLevel} /> : none,
          },
          {
            key: 'creditLimit',
            label: t('customers.f.creditLimit'),
            children: show(formatMoney(c.creditLimit, locale)),
          },
          {
            key: 'creditPeriod',
            label: t('customers.f.creditPeriodDays'),
            children: c.creditPeriodDays === null ? none : t('customers.p.days', { n: c.creditPeriodDays }),
          },
          {
            key: 'lifecycle',
            label: t('customers.col.lifecycle'),
            children: (
              <Flex gap={6} align="center" wrap>
                <LifecycleTag value={c.lifecycle} />
                {c.lifecycleChangedAt ? (
                  <Typography.Text type="secondary">{fmt.date(c.lifecycleChangedAt)}</Typography.Text>
                ) : null}
                {c.lostReason ? <Typography.Text type="secondary">{c.lostReason}</Typography.Text> : null}
              </Flex>
            ),
          },
          { key: 'openTickets', label: t('customers.col.openTickets'), children: c.openTickets },
          { key: 'notes', label: t('customers.f.notes'), span: 'filled', children: show(c.notes) },
        ]}
      />
      <CreditChangeList customerId={c.id} withTitle />
      <Section
        title={t('customers.section.ownership')}
        items={[
          { key: 'owner', label: t('customers.f.owner'), children: show(c.owner?.name) },
          { key: 'advisor', label: t('customers.f.advisor'), children: show(c.advisor?.name) },
          { key: 'createdAt', label: t('customers.p.createdAt'), children: fmt.dateTime(c.createdAt) },
          { key: 'updatedAt', label: t('customers.p.updatedAt'), children: fmt.dateTime(c.updatedAt) },
        ]}
      />
    </div>
  );
}
