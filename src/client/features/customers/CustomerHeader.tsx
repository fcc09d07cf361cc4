import {
  EditOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  NodeIndexOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { CustomerDetail } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { DetailHeader } from '../../components/DetailPage.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CreditChangeButton } from '../credit-changes/CreditChangeDialog.tsx';
import { ClassChangeModal } from './ClassChangeModal.tsx';
import { LIFECYCLE_MOVES, LifecycleModal } from './LifecycleModal.tsx';
import { ClassTag, CreditTag, LifecycleTag, useCustomerLabels } from './labels.tsx';
import { MergeModal } from './MergeModal.tsx';
import { type Revealed, type RevealField, RevealValue } from './RevealValue.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex gap={6} align="center">
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/** Name, code, class, credit and lifecycle; the actions on the file; the encrypted numbers to reveal. */
export function CustomerHeader({
  customer,
  onEdit,
  revealed,
  onRevealed,
}: {
  customer: CustomerDetail;
  onEdit: () => void;
  revealed: Revealed;
  onRevealed: (field: RevealField, value: string | null) => void;
}) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useCustomerLabels();
  const [dialog, setDialog] = useState<'class' | 'lifecycle' | 'merge' | null>(null);
  const [lifecycleTo, setLifecycleTo] = useState<'active' | 'dormant' | 'lost'>('active');
  const live = customer.mergedIntoId === null;
  const moves = LIFECYCLE_MOVES[customer.lifecycle];

  const more = [
    ...(can('customer.update') && live
      ? moves.map((to) => ({
          key: `lifecycle:${to}`,
          icon: <NodeIndexOutlined />,
          label: <span data-testid={`customer-lifecycle-to-${to}`}>{t(`customers.lc.to.${to}`)}</span>,
        }))
      : []),
    ...(can('customer.merge') && live
      ? [
          {
            key: 'merge',
            icon: <MergeCellsOutlined />,
            label: <span data-testid="customer-merge">{t('customers.merge.action')}</span>,
          },
        ]
      : []),
  ];
  const onMore = (key: string) => {
    if (key === 'merge') setDialog('merge');
    else {
      setLifecycleTo(key.slice('lifecycle:'.length) as 'active' | 'dormant' | 'lost');
      setDialog('lifecycle');
    }
  };

  return (
    <>
      <DetailHeader
        testId="customer-header"
        back={{ to: '/customers', label: t('customers.back') }}
        number={{ value: customer.code, testId: 'customer-code' }}
        tags={
          <>
            <ClassTag value={customer.class} testId="customer-class" />
            <CreditTag value={customer.creditLevel} />
            <LifecycleTag value={customer.lifecycle} testId="customer-lifecycle" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {labels.kind(customer.kind)}
            </Typography.Text>
          </>
        }
        title={
          <>
            {customer.name}
            {customer.shortName ? (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 14, marginInlineStart: 8, fontWeight: 400 }}
              >
                {customer.shortName}
              </Typography.Text>
            ) : null}
          </>
        }
        titleTestId="customer-title"
        headingStyle={{ flex: 1, minWidth: 280 }}
        subtitle={
          <Flex gap={20} wrap style={{ marginTop: 8 }}>
            <Fact label={t('customers.f.owner')}>{customer.owner?.name ?? '—'}</Fact>
            <Fact label={t('customers.f.advisor')}>{customer.advisor?.name ?? '—'}</Fact>
            <Fact label={t('customers.col.lastActivity')}>
              {customer.lastActivityAt ? fmt.dateTime(customer.lastActivityAt) : '—'}
            </Fact>
            {customer.bankAccount ? (
              <Fact label={t('customers.f.bankAccount')}>
                <RevealValue
                  customerId={customer.id}
                  field="bankAccount"
                  masked={customer.bankAccount}
                  revealed={revealed}
                  onRevealed={onRevealed}
                />
              </Fact>
            ) : null}
            {customer.idNumber ? (
              <Fact label={t('customers.f.idNumber')}>
                <RevealValue
                  customerId={customer.id}
                  field="idNumber"
                  masked={customer.idNumber}
                  revealed={revealed}
                  onRevealed={onRevealed}
                />
              </Fact>
            ) : null}
          </Flex>
        }
        actions={
          <Flex gap={8} wrap>
            {can('customer.update') && live ? (
              <Button icon={<EditOutlined />} onClick={onEdit} data-testid="customer-edit">
                {t('customers.action.edit')}
              </Button>
            ) : null}
            {can('customer.classify') && live ? (
              <Button
                icon={<StarOutlined />}
                onClick={() => setDialog('class')}
                data-testid="customer-class-change"
              >
                {t('customers.cls.action')}
              </Button>
            ) : null}
            {live ? <CreditChangeButton customer={customer} /> : null}
            {more.length > 0 ? (
              <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => onMore(key) }}>
                <Button
                  icon={<MoreOutlined />}
                  data-testid="customer-more"
                  aria-label={t('customers.action.more')}
                >
                  {t('customers.action.more')}
                </Button>
              </Dropdown>
            ) : null}
          </Flex>
        }
      />
      <ClassChangeModal customer={customer} open={dialog === 'class'} onClose={() => setDialog(null)} />
      <LifecycleModal
        customer={customer}
        to={lifecycleTo}
        open={dialog === 'lifecycle'}
        onClose={() => setDialog(null)}
      />
      <MergeModal customer={customer} open={dialog === 'merge'} onClose={() => setDialog(null)} />
    </>
  );
}
