import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ApprovalRequestView } from '../../api/approvals.ts';
import { useCreditChangeOfApproval } from '../../api/credit-changes.ts';
import { applicationPrintUrl, useApplication } from '../../api/customer-applications.ts';
import { AttachmentList } from '../../components/AttachmentList.tsx';
import { colon } from '../../components/labels.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useI18n, useT } from '../../i18n/context.ts';
import { CreditChangeStatusTag, useCreditFormat } from '../credit-changes/labels.tsx';
import { ApplicationDetails } from '../customer-applications/ApplicationDetails.tsx';
import { ApplicationStatusTag, LevelTag } from '../customer-applications/labels.tsx';
import { CompensationSubject, ComplaintFinalSubject } from './ComplaintSubjects.tsx';

/** 新客户准入: the application's summary, with the full application and the printable form one click away. */
function AdmissionSubject({ applicationId }: { applicationId: number }) {
  const { t, locale } = useI18n();
  const query = useApplication(applicationId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  return (
    <div data-testid="approval-subject-admission">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Link to={`/admission/${a.id}`}>
          <Button icon={<FileSearchOutlined />} data-testid="approval-open-application">
            {t('approvals.subject.open')}
          </Button>
        </Link>
        <PrintButton href={applicationPrintUrl(a.id)}>{t('approvals.subject.print')}</PrintButton>
      </Flex>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text style={{ fontFamily: 'monospace' }}>{a.number}</Typography.Text>
        <ApplicationStatusTag status={a.status} />
        <Typography.Text type="secondary">
          {t('admission.col.applicant')}
          {colon(locale)}
          {a.applicantName ?? '—'}
        </Typography.Text>
      </Flex>
      <ApplicationDetails application={a} compact />
      <Typography.Text type="secondary">{t('admission.section.attachments')}</Typography.Text>
      {a.attachments.length > 0 ? (
        <AttachmentList items={a.attachments} />
      ) : (
        <div>
          <Typography.Text type="secondary">{t('admission.noAttachments')}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** 信用级别调整: the customer, its terms now and as requested, and the reason. */
function CreditSubject({ customerId, approvalId }: { customerId: number; approvalId: number }) {
  const t = useT();
  const credit = useCreditFormat();
  const query = useCreditChangeOfApproval(customerId, approvalId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return <Alert type="warning" showIcon title={t('approvals.credit.missing')} />;
  const rows = [
    {
      key: 'level',
      item: t('approvals.credit.level'),
      from: <LevelTag level={c.fromLevel} />,
      to: <LevelTag level={c.toLevel} />,
      changed: c.fromLevel !== c.toLevel,
    },
    {
      key: 'limit',
      item: t('approvals.credit.limit'),
      from: credit.money(c.fromLimit),
      to: credit.money(c.toLimit),
      changed: c.fromLimit !== c.toLimit,
    },
    {
      key: 'period',
      item: t('approvals.credit.period'),
      from: credit.days(c.fromPeriodDays),
      to: credit.days(c.toPeriodDays),
      changed: c.fromPeriodDays !== c.toPeriodDays,
    },
  ];
  return (
    <div data-testid="approval-subject-credit">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('approvals.credit.customer')}</Typography.Text>
        <Link to={`/customers/${c.customerId}`}>
          <Typography.Text strong>{c.customerName}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {c.customerCode}
          </Typography.Text>
        </Link>
        <CreditChangeStatusTag status={c.status} />
      </Flex>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('approvals.credit.item'), dataIndex: 'item', width: 120 },
          { title: t('approvals.credit.from'), dataIndex: 'from' },
          {
            title: t('approvals.credit.to'),
            dataIndex: 'to',
            render: (v, r) =>
              r.changed ? <strong>{v}</strong> : <Typography.Text type="secondary">{v}</Typography.Text>,
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Text type="secondary">{t('approvals.credit.reason')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{c.reason}</Typography.Paragraph>
    </div>
  );
}

/** What an approval request decides, by flow. */
export function ApprovalSubject({ request }: { request: ApprovalRequestView }) {
  const t = useT();
  if (request.flow === 'customer_admission' && request.entityType === 'customer_application')
    return <AdmissionSubject applicationId={request.entityId} />;
  if (request.flow === 'credit_change' && request.entityType === 'customer')
    return <CreditSubject customerId={request.entityId} approvalId={request.id} />;
  if (request.flow === 'compensation' && request.entityType === 'compensation')
    return <CompensationSubject compensationId={request.entityId} />;
  if (request.flow === 'complaint_final' && request.entityType === 'complaint')
    return <ComplaintFinalSubject complaintId={request.entityId} />;
  return <Typography.Text type="secondary">{t('approvals.subject.unknown')}</Typography.Text>;
}
