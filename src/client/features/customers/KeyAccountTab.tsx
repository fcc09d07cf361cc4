import { CrownOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CustomerDetail } from '../../api/customers.ts';
import { type KeyAccountCard, useCustomerKeyAccount } from '../../api/key-accounts.ts';
import { useCan } from '../../api/session.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ApplyModal } from '../key-accounts/ApplyModal.tsx';
import { KeyAccountCardView } from '../key-accounts/KeyAccountCardView.tsx';
import { KeyAccountStatusTag } from '../key-accounts/labels.tsx';
import { MeasuresTable } from '../key-accounts/MeasuresTable.tsx';
import { RecentInteractions } from '../key-accounts/RecentInteractions.tsx';

function ApprovalLink({ id }: { id: number | null }) {
  const t = useT();
  if (id === null) return null;
  return (
    <Link to={`/approvals/${id}`} data-testid="ka-approval-link">
      <Button size="small" icon={<LinkOutlined />}>
        {t('keyAccounts.openApproval')}
      </Button>
    </Link>
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <Flex gap={8} align="baseline">
      <Typography.Text type="secondary" style={{ flex: 'none' }}>
        {label}
      </Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
    </Flex>
  );
}

/** An application waiting for its decision, or one that ended without designation (or was revoked). */
function ApplicationState({ card, action }: { card: KeyAccountCard; action: React.ReactNode }) {
  const t = useT();
  const fmt = useDateFormat();
  const applied = card.status === 'applied';
  const title = applied
    ? t('keyAccounts.applied.title')
    : card.status === 'rejected' || card.status === 'withdrawn' || card.status === 'revoked'
      ? t(`keyAccounts.closed.${card.status}`)
      : '';
  const comment =
    card.status === 'revoked'
      ? [t('keyAccounts.revokedReason'), card.revokedReason]
      : [t('keyAccounts.decisionComment'), card.decisionComment];
  return (
    <Alert
      type={applied ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="ka-application"
      title={
        <Flex gap={8} align="center" wrap>
          {title}
          <KeyAccountStatusTag status={card.status} testId="ka-status" />
        </Flex>
      }
      description={
        <>
          {applied ? (
            <div>
              {t('keyAccounts.applied.text', {
                name: card.appliedBy?.name ?? '—',
                date: fmt.date(card.appliedAt),
              })}
            </div>
          ) : null}
          <Labelled label={t('keyAccounts.f.reason')} text={card.applicationReason} />
          {!applied && comment[1] ? <Labelled label={comment[0] ?? ''} text={comment[1]} /> : null}
        </>
      }
      action={
        <Flex vertical gap={8} align="flex-end">
          <ApprovalLink id={card.approvalRequestId} />
          {action}
        </Flex>
      }
    />
  );
}

/** 大客户: apply; follow the application; once designated, the management card and the countermeasures. */
export function KeyAccountTab({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const query = useCustomerKeyAccount(customer.id);
  const [applying, setApplying] = useState(false);
  const eligible =
    customer.mergedIntoId === null && (customer.lifecycle === 'active' || customer.lifecycle === 'dormant');

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const card = query.data;
  const canApply = can('key_account.manage') && eligible;
  const applyButton = (label: string) =>
    canApply ? (
      <Button
        type="primary"
        icon={<CrownOutlined />}
        onClick={() => setApplying(true)}
        data-testid="ka-apply"
      >
        {label}
      </Button>
    ) : null;
  const modal = (
    <ApplyModal customer={customer} previous={card} open={applying} onClose={() => setApplying(false)} />
  );

  if (card === null) {
    return (
      <Card size="small" data-testid="ka-none" style={{ textAlign: 'center', padding: '24px 0' }}>
        <CrownOutlined style={{ fontSize: 40, color: '#d48806' }} />
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {t('keyAccounts.none.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto 16px' }}>
          {t('keyAccounts.none.text')}
        </Typography.Paragraph>
        {eligible ? (
          applyButton(t('keyAccounts.apply'))
        ) : (
          <Typography.Text type="warning">{t('keyAccounts.none.ineligible')}</Typography.Text>
        )}
        {modal}
      </Card>
    );
  }

  const designated = card.status === 'designated';
  return (
    <Flex vertical gap={16} data-testid="customer-key-account">
      {designated ? null : (
        <ApplicationState
          card={card}
          action={card.status === 'applied' ? null : applyButton(t('keyAccounts.applyAgain'))}
        />
      )}
      {designated || card.status === 'revoked' ? (
        <>
          <KeyAccountCardView card={card} editable={designated} />
          {designated || card.measures.length > 0 ? (
            <MeasuresTable card={card} editable={designated} />
          ) : null}
          {designated ? <RecentInteractions customer={customer} /> : null}
        </>
      ) : null}
      {modal}
    </Flex>
  );
}
