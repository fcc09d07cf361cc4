import { CheckOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CompensationView,
  type ComplaintDetail,
  useWithdrawCompensation,
} from '../../api/complaints.ts';
import { useCan, useSession } from '../../api/session.ts';
import { EmptyState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CompensationExecuteModal, CompensationRequestModal } from './CompensationModals.tsx';
import { CompensationStatusTag, useComplaintLabels } from './labels.tsx';

const money = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(
    value,
  );

/**
 * 补货、补偿及赔偿: each with its kind, amount, status and approval; an approved one is marked carried out
 * (execution waits for that), the requester may withdraw their own while it waits for approval.
 */
export function CompensationsCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const fmt = useDateFormat();
  const can = useCan();
  const me = useSession().user;
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const withdraw = useWithdrawCompensation();
  const [requesting, setRequesting] = useState(false);
  const [executing, setExecuting] = useState<CompensationView | null>(null);
  const open = complaint.stage !== 'closed';

  const item = (c: CompensationView) => (
    <div key={c.id} data-testid={`compensation-${c.id}`} data-status={c.status}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>
            {labels.compensationKind(c.kind)} · {money(c.amount, locale)}
          </Typography.Text>
          <CompensationStatusTag status={c.status} />
        </Flex>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('complaints.comp.requestedBy', {
            name: c.requestedByName ?? '—',
            time: fmt.dateTime(c.createdAt),
          })}
          {c.approvalRequestId ? (
            <>
              {' · '}
              <Link to={`/approvals/${c.approvalRequestId}`}>{t('complaints.comp.approval')}</Link>
            </>
          ) : null}
        </Typography.Text>
        {c.decisionComment ? (
          <Typography.Text type={c.status === 'rejected' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('complaints.comp.decision', { comment: c.decisionComment })}
          </Typography.Text>
        ) : null}
        {c.executedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('complaints.comp.executedAt', {
              time: fmt.dateTime(c.executedAt),
              note: c.executionNote ?? '',
            })}
          </Typography.Text>
        ) : null}
        <Flex gap={8}>
          {c.status === 'approved' && can('complaint.handle') ? (
            <Button
              size="small"
              type="primary"
              ghost
              icon={<CheckOutlined />}
              onClick={() => setExecuting(c)}
              data-testid={`compensation-execute-${c.id}`}
            >
              {t('complaints.comp.execute')}
            </Button>
          ) : null}
          {c.status === 'pending' && c.requestedBy === me.id && can('compensation.request') ? (
            <Popconfirm
              title={t('complaints.comp.withdrawConfirm')}
              onConfirm={() =>
                withdraw.mutate(
                  { id: c.id, comment: null },
                  {
                    onSuccess: () => void message.success(t('complaints.comp.withdrawn')),
                    onError: (error) => void message.error(error.message),
                  },
                )
              }
              okButtonProps={{ loading: withdraw.isPending }}
            >
              <Button size="small" icon={<RollbackOutlined />} data-testid={`compensation-withdraw-${c.id}`}>
                {t('complaints.comp.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Flex>
    </div>
  );

  return (
    <Card
      title={t('complaints.comp.title')}
      data-testid="complaint-compensations"
      extra={
        open && can('compensation.request') ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setRequesting(true)}
            data-testid="compensation-request"
          >
            {t('complaints.comp.request')}
          </Button>
        ) : null
      }
    >
      {complaint.compensations.length === 0 ? (
        <EmptyState text={t('complaints.comp.empty')} />
      ) : (
        <Flex vertical>
          {complaint.compensations.map((c, i) => (
            <div key={c.id}>
              {i > 0 ? <Divider style={{ margin: '12px 0' }} /> : null}
              {item(c)}
            </div>
          ))}
        </Flex>
      )}
      <CompensationRequestModal
        complaintId={complaint.id}
        open={requesting}
        onClose={() => setRequesting(false)}
      />
      <CompensationExecuteModal compensation={executing} onClose={() => setExecuting(null)} />
    </Card>
  );
}
