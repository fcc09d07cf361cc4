import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { complaintPrintUrl, useCompensation, useComplaint } from '../../api/complaints.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { CompensationStatusTag, useComplaintLabels } from '../complaints/labels.tsx';
import { RecordCard } from '../complaints/RecordCard.tsx';
import { StepHistory } from '../complaints/StepHistory.tsx';

/** 补偿与赔偿: what is to be given, how much, why, and the complaint it settles. */
export function CompensationSubject({ compensationId }: { compensationId: number }) {
  const t = useT();
  const labels = useComplaintLabels();
  const query = useCompensation(compensationId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const money = new Intl.NumberFormat(labels.locale, { style: 'currency', currency: 'CNY' });
  return (
    <div data-testid="approval-subject-compensation">
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('complaints.comp.kind')}>
          {labels.compensationKind(c.kind)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.comp.amount')}>
          <Typography.Text strong data-testid="approval-compensation-amount">
            {money.format(c.amount)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.comp.description')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.col.number')}>
          <Flex gap={8} align="center">
            {c.complaintId ? (
              <Link to={`/complaints/${c.complaintId}`}>{c.complaintNumber}</Link>
            ) : c.returnId ? (
              <Link to={`/returns/${c.returnId}`}>{t('returns.nav')}</Link>
            ) : null}
            <CompensationStatusTag status={c.status} />
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** 投诉结案报告: the complaint's record and how it was handled, step by step, for the sign-off. */
export function ComplaintFinalSubject({ complaintId }: { complaintId: number }) {
  const t = useT();
  const query = useComplaint(complaintId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <div data-testid="approval-subject-complaint">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Link to={`/complaints/${c.id}`}>
          <Button icon={<FileSearchOutlined />}>{c.number}</Button>
        </Link>
        <PrintButton href={complaintPrintUrl(c.id, 'record')}>{t('complaints.print.record')}</PrintButton>
      </Flex>
      <RecordCard complaint={c} />
      <div style={{ marginTop: 12 }}>
        <StepHistory complaint={c} />
      </div>
    </div>
  );
}
