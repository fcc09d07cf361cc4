import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { COMPENSATION_KIND_LABELS } from '../../../shared/complaints/complaint-labels.ts';
import type { ReturnDetail } from '../../api/returns.ts';
import { EmptyState } from '../../components/states.tsx';
import { useI18n, useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CompensationStatusTag } from './labels.tsx';

/** 补偿/退款 asked for on this return, each with its approval. */
export function ReturnCompensations({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useDateFormat();
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  if (notice.compensations.length === 0) return <EmptyState text={t('returns.noCompensations')} />;
  return (
    <Flex vertical data-testid="return-compensations">
      {notice.compensations.map((c, index) => (
        <Flex
          key={c.id}
          vertical
          gap={4}
          data-testid="return-compensation"
          data-status={c.status}
          style={{ padding: '8px 0', borderTop: index > 0 ? '1px solid #f0f0f0' : undefined }}
        >
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong>
              {COMPENSATION_KIND_LABELS[c.kind][locale]} {money.format(c.amount)}
            </Typography.Text>
            <CompensationStatusTag status={c.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[c.requestedByName, fmt.dateTime(c.createdAt)].filter(Boolean).join(' · ')}
          </Typography.Text>
          {c.decisionComment ? (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
              {t('returns.compensation.comment', { comment: c.decisionComment })}
            </Typography.Text>
          ) : null}
          {c.approvalRequestId ? (
            <Link to={`/approvals/${c.approvalRequestId}`} data-testid="return-compensation-approval">
              {t('returns.compensation.open')}
            </Link>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
