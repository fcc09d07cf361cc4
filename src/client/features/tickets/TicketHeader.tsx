import { BranchesOutlined, MergeCellsOutlined, MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Tag, Typography } from 'antd';
import { ticketCreate } from '../../../shared/schemas/tickets.ts';
import { useCan } from '../../api/session.ts';
import { type TicketView, useUpdateTicket } from '../../api/tickets.ts';
import { useTicketTypes } from '../../api/tickets-lookups.ts';
import { DetailHeader } from '../../components/DetailPage.tsx';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { localisedText, useTicketLabels } from './labels.ts';
import { TransitionButtons } from './TransitionButtons.tsx';

/** Number, editable subject, status and the allowed next steps; merge and split under "more". */
export function TicketHeader({
  ticket,
  onMerge,
  onSplit,
}: {
  ticket: TicketView;
  onMerge: () => void;
  onSplit: () => void;
}) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useTicketLabels();
  const types = useTicketTypes();
  const update = useUpdateTicket(ticket.id);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const type = types.data?.find((ty) => ty.id === ticket.typeId);

  const saveSubject = (value: string) => {
    const subject = value.trim();
    if (subject === ticket.subject) return;
    const parsed = ticketCreate.shape.subject.safeParse(subject);
    if (!parsed.success) {
      void message.error(t('tickets.subjectInvalid'));
      return;
    }
    update.mutate(
      { subject },
      { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
    );
  };

  const more = can('ticket.merge')
    ? [
        {
          key: 'merge',
          icon: <MergeCellsOutlined />,
          label: <span data-testid="ticket-merge">{t('tickets.merge.action')}</span>,
        },
        {
          key: 'split',
          icon: <BranchesOutlined />,
          label: <span data-testid="ticket-split">{t('tickets.split.action')}</span>,
        },
      ]
    : [];

  return (
    <DetailHeader
      testId="ticket-header"
      back={{ to: '/tickets', label: t('tickets.back') }}
      number={{ value: ticket.number, testId: 'ticket-number' }}
      tags={
        <>
          <Tag
            color={labels.statusColor(ticket.status)}
            data-testid="ticket-status"
            data-status={ticket.status}
          >
            {labels.status(ticket.status)}
            {ticket.stage ? ` · ${labels.stage(ticket.stage)}` : ''}
          </Tag>
          <Tag color={labels.priorityColor(ticket.priority)} data-testid="ticket-priority">
            {labels.priority(ticket.priority)}
          </Tag>
          <Tag>{labels.channel(ticket.channel)}</Tag>
          {type ? <Tag>{localisedText(type.label, labels.locale)}</Tag> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tickets.createdAt', { time: fmt.dateTime(ticket.createdAt) })}
          </Typography.Text>
        </>
      }
      title={ticket.subject}
      titleTestId="ticket-subject"
      titleEditable={
        can('ticket.update')
          ? {
              onChange: saveSubject,
              maxLength: 200,
              triggerType: ['icon'],
              tooltip: t('tickets.subjectEdit'),
            }
          : false
      }
      headingStyle={{ flex: 1, minWidth: 280 }}
      actions={
        <Flex gap={8} wrap>
          <TransitionButtons ticket={ticket} />
          {more.length > 0 ? (
            <Dropdown
              trigger={['click']}
              menu={{ items: more, onClick: ({ key }) => (key === 'merge' ? onMerge() : onSplit()) }}
            >
              <Button icon={<MoreOutlined />} data-testid="ticket-more" aria-label={t('tickets.more')} />
            </Dropdown>
          ) : null}
        </Flex>
      }
    />
  );
}
