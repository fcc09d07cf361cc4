import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { type ComplaintDetail, complaintPrintUrl } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { DetailHeader } from '../../components/DetailPage.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { useT } from '../../i18n/context.ts';
import { CategoryTag, SeverityTag, StageTag, ValidityTag } from './labels.tsx';

/** Number, stage and validity, the subject, the request and customer it belongs to, and the printed forms. */
export function ComplaintHeader({ complaint: c }: { complaint: ComplaintDetail }) {
  const t = useT();
  const can = useCan();
  // 《客户质量投诉回复书》 exists once the causes and measures are analysed.
  const analysed = c.steps.some((s) => s.step === 'analyse' && s.completedAt);
  return (
    <DetailHeader
      back={{ to: '/complaints', label: t('complaints.back') }}
      number={{ value: c.number, testId: 'complaint-number' }}
      tags={
        <>
          <StageTag stage={c.stage} testId="complaint-stage" />
          <ValidityTag validity={c.validity} testId="complaint-validity" />
          <CategoryTag category={c.category} />
          <SeverityTag severity={c.severity} />
        </>
      }
      title={c.subject}
      titleTestId="complaint-subject"
      headingStyle={{ minWidth: 0 }}
      subtitle={
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
      }
      actions={
        <Flex gap={8} wrap>
          <PrintButton href={complaintPrintUrl(c.id, 'record')} testId="complaint-print-record">
            {t('complaints.print.record')}
          </PrintButton>
          <PrintButton
            href={complaintPrintUrl(c.id, 'reply')}
            unavailable={analysed ? undefined : t('complaints.print.replyLater')}
            testId="complaint-print-reply"
          >
            {t('complaints.print.reply')}
          </PrintButton>
        </Flex>
      }
    />
  );
}
