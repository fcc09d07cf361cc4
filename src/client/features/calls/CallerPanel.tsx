import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCallerLookup } from '../../api/calls.ts';
import { useCan } from '../../api/session.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useTicketLabels } from '../tickets/labels.ts';

/** Screen-pop: who is calling, their company, their open requests; start a request for the call. */
export function CallerPanel({
  number,
  callId,
  onLogCall,
}: {
  number: string;
  callId?: number | undefined;
  onLogCall?: () => void;
}) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const labels = useTicketLabels();
  const lookup = useCallerLookup(number);

  const newTicket = () => {
    const contact = lookup.data?.contact;
    const params = new URLSearchParams({ channel: 'phone' });
    if (contact) {
      params.set('contactId', String(contact.id));
      params.set('contactName', contact.name);
    } else {
      params.set('phone', number);
    }
    if (callId) params.set('callId', String(callId));
    navigate(`/tickets/new?${params.toString()}`);
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <PhoneOutlined />
          {t('calls.lookup.title')}
          <Typography.Text style={{ fontFamily: 'monospace' }}>{number}</Typography.Text>
        </Flex>
      }
      data-testid="caller-panel"
    >
      {lookup.isPending && lookup.fetchStatus !== 'idle' ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : lookup.error ? (
        <ErrorState error={lookup.error} onRetry={() => void lookup.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          {lookup.data?.contact ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'contact',
                  label: t('calls.contact'),
                  children: <span data-testid="caller-name">{lookup.data.contact.name}</span>,
                },
                ...(lookup.data.contact.customerName
                  ? [
                      {
                        key: 'customer',
                        label: t('calls.customer'),
                        children: lookup.data.contact.customerName,
                      },
                    ]
                  : []),
                {
                  key: 'recent',
                  label: t('calls.lookup.recentLabel'),
                  children: t('calls.lookup.recent', { count: lookup.data.recentCalls }),
                },
              ]}
            />
          ) : (
            <EmptyState text={t('calls.lookup.unknown')} />
          )}
          {lookup.data?.contact ? (
            <div data-testid="caller-open-tickets">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('calls.lookup.openTickets')}
              </Typography.Text>
              {lookup.data.openTickets.length === 0 ? (
                <div>
                  <Typography.Text type="secondary">{t('calls.lookup.noOpen')}</Typography.Text>
                </div>
              ) : (
                <Flex vertical gap={4} style={{ marginTop: 4 }}>
                  {lookup.data.openTickets.map((o) => (
                    <Link key={o.id} to={`/tickets/${o.id}`} data-testid={`caller-ticket-${o.number}`}>
                      <Flex gap={6} align="center">
                        <Tag color={labels.statusColor(o.status)} style={{ marginInlineEnd: 0 }}>
                          {labels.status(o.status)}
                        </Tag>
                        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
                          {o.number}
                        </Typography.Text>
                        <Typography.Text ellipsis style={{ minWidth: 0, flex: 1 }}>
                          {o.subject}
                        </Typography.Text>
                      </Flex>
                    </Link>
                  ))}
                </Flex>
              )}
            </div>
          ) : null}
          <Flex gap={8} wrap>
            {can('ticket.create') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={newTicket}
                data-testid="caller-new-ticket"
              >
                {t('calls.lookup.newTicket')}
              </Button>
            ) : null}
            {onLogCall && can('call.log') ? (
              <Button onClick={onLogCall} data-testid="caller-log-call">
                {t('calls.lookup.logCall')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
