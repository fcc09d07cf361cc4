import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { type ComplaintDetail, complaintPrintUrl } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';
import { CategoryTag, SeverityTag, StageTag, ValidityTag } from './labels.tsx';

/** Number, stage and validity, the subject, the request and customer it belongs to, and the printed forms. */
export function ComplaintHeader({ complaint: c }: { complaint: ComplaintDetail }) {
  const t = useT();
  const can = useCan();
  // 《客户质量投诉回复书》 exists once the causes and measures are analysed.
  const analysed = c.steps.some((s) => s.step === 'analyse' && s.completedAt);
  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Link to="/complaints">
          <Button type="text" size="small" icon={<ArrowLeftOutlined />}>
            {t('complaints.back')}
          </Button>
        </Link>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="complaint-number">
          {c.number}
        </Typography.Text>
        <StageTag stage={c.stage} testId="complaint-stage" />
        <ValidityTag validity={c.validity} testId="complaint-validity" />
        <CategoryTag category={c.category} />
        <SeverityTag severity={c.severity} />
      </Flex>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-subject">
            {c.subject}
          </Typography.Title>
          <Flex gap={16} wrap style={{ fontSize: 13, marginTop: 4 }}>
            {can('ticket.read') ? (
              <Link to={`/tickets/${c.ticketId}`} data-testid="complaint-ticket-link">
                {t('complaints.openTicket', { number: c.ticketNumber })}
              </Link>
            ) : (
              <Typography.Text type="secondary">
                {t('complaints.openTicket', { number: c.ticketNumber })}
              </Typography.Text>
            )}
            {c.customerId ? (
              <Link to={`/customers/${c.customerId}`} data-testid="complaint-customer-link">
                {c.customerName}
              </Link>
            ) : null}
          </Flex>
        </div>
        <Flex gap={8} wrap>
          <Button
            icon={<PrinterOutlined />}
            href={complaintPrintUrl(c.id, 'record')}
            target="_blank"
            rel="noopener"
            data-testid="complaint-print-record"
          >
            {t('complaints.print.record')}
          </Button>
          <Tooltip title={analysed ? undefined : t('complaints.print.replyLater')}>
            <Button
              icon={<PrinterOutlined />}
              href={analysed ? complaintPrintUrl(c.id, 'reply') : undefined}
              target="_blank"
              rel="noopener"
              disabled={!analysed}
              data-testid="complaint-print-reply"
            >
              {t('complaints.print.reply')}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
    </>
  );
}
