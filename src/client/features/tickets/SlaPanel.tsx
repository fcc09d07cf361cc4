import { Card, Descriptions, Flex, Typography } from 'antd';
import type { TicketView } from '../../api/tickets.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { SlaClock, type SlaClockValue } from './SlaClock.tsx';

function ClockRow({ clock, label, testId }: { clock: SlaClockValue; label: string; testId: string }) {
  const t = useT();
  const fmt = useDateFormat();
  if (clock.state === 'none')
    return <Typography.Text type="secondary">{t('tickets.sla.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <SlaClock clock={clock} label={label} testId={testId} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tickets.sla.dueAt')} {fmt.dateTime(clock.dueAt)}
        {clock.doneAt ? ` · ${t('tickets.sla.doneAt')} ${fmt.dateTime(clock.doneAt)}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/** First response and resolution clocks with due times; paused while waiting on the customer. */
export function SlaPanel({ ticket }: { ticket: TicketView }) {
  const t = useT();
  return (
    <Card size="small" title={t('tickets.sla.title')} data-testid="ticket-sla">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'first',
            label: t('tickets.sla.firstResponse'),
            children: (
              <ClockRow
                clock={ticket.firstResponse}
                label={t('tickets.sla.firstResponseShort')}
                testId="sla-first-response"
              />
            ),
          },
          {
            key: 'resolution',
            label: t('tickets.sla.resolution'),
            children: (
              <ClockRow
                clock={ticket.resolution}
                label={t('tickets.sla.resolutionShort')}
                testId="sla-resolution"
              />
            ),
          },
        ]}
      />
      {ticket.status === 'waiting_customer' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tickets.sla.pausedHint')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
