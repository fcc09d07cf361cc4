import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useCan } from '../../api/session.ts';
import { type TicketView, useConfirmSender, useCustomerTickets } from '../../api/tickets.ts';
import { useContactLookup } from '../../api/tickets-lookups.ts';
import { useT } from '../../i18n/context.ts';
import { useTicketLabels } from './labels.ts';

/**
 * A sender of the public form who has not confirmed their address: shown as such, with "confirm sender" for
 * an agent who checked who they are (their requests then join the matching contact on file).
 */
function UnverifiedSender({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const confirm = useConfirmSender(ticket.id);
  return (
    <Flex vertical gap={4} data-testid="ticket-sender-unverified">
      <Flex gap={6} align="center" wrap>
        <span>{ticket.contactName}</span>
        <Tooltip title={t('tickets.customer.unverifiedHint')}>
          <Tag color="orange">{t('tickets.customer.unverified')}</Tag>
        </Tooltip>
      </Flex>
      {can('ticket.update') ? (
        <Popconfirm
          title={t('tickets.customer.confirmSenderQuestion')}
          onConfirm={() =>
            confirm.mutate(undefined, {
              onSuccess: () => void message.success(t('tickets.customer.senderConfirmed')),
              onError: (error) => void message.error(error.message),
            })
          }
        >
          <Button size="small" loading={confirm.isPending} data-testid="ticket-confirm-sender">
            {t('tickets.customer.confirmSender')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

/** Who the request is from: customer, class, contact's phone and email, and their other open requests. */
export function CustomerPanel({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  // The contact's details come from the contact look-up (the customer module will give a proper file).
  const lookup = useContactLookup(
    ticket.contactName ?? '',
    can('ticket.create') && ticket.contactId !== null,
  );
  const contact = lookup.data?.find((c) => c.id === ticket.contactId);
  const others = useCustomerTickets(ticket.customerId);
  const open = (others.data?.items ?? []).filter((o) => o.id !== ticket.id);

  if (!ticket.customerId && !ticket.contactId) {
    return (
      <Card size="small" title={t('tickets.customer.title')} data-testid="ticket-customer">
        <Typography.Text type="secondary">{t('tickets.customer.none')}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title={t('tickets.customer.title')} data-testid="ticket-customer">
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(ticket.customerName
            ? [
                {
                  key: 'customer',
                  label: t('tickets.customer.customer'),
                  children: (
                    <Flex gap={6} align="center" wrap>
                      {can('customer.read') && ticket.customerId ? (
                        <Link to={`/customers/${ticket.customerId}`} data-testid="ticket-customer-name">
                          {ticket.customerName}
                        </Link>
                      ) : (
                        <span data-testid="ticket-customer-name">{ticket.customerName}</span>
                      )}
                      {contact?.customerClass ? (
                        <Tag color="gold">
                          {t('tickets.customer.class', { class: contact.customerClass })}
                        </Tag>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(ticket.contactName
            ? [
                {
                  key: 'contact',
                  label: t('tickets.customer.contact'),
                  children: ticket.contactUnverified ? (
                    <UnverifiedSender ticket={ticket} />
                  ) : (
                    ticket.contactName
                  ),
                },
              ]
            : []),
          ...(contact?.phone
            ? [
                {
                  key: 'phone',
                  label: <PhoneOutlined aria-label={t('tickets.customer.phone')} />,
                  children: <a href={`tel:${contact.phone}`}>{contact.phone}</a>,
                },
              ]
            : []),
          ...(contact?.email
            ? [
                {
                  key: 'email',
                  label: <MailOutlined aria-label={t('tickets.customer.email')} />,
                  children: <a href={`mailto:${contact.email}`}>{contact.email}</a>,
                },
              ]
            : []),
        ]}
      />
      {ticket.customerId ? (
        <div style={{ marginTop: 8 }} data-testid="customer-open-tickets">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tickets.customer.otherOpen')}
          </Typography.Text>
          {others.isPending ? null : open.length === 0 ? (
            <div>
              <Typography.Text type="secondary">{t('tickets.customer.noOther')}</Typography.Text>
            </div>
          ) : (
            <Flex vertical gap={4} style={{ marginTop: 4 }}>
              {open.slice(0, 5).map((o) => (
                <Link key={o.id} to={`/tickets/${o.id}`}>
                  <Flex gap={6} align="center">
                    <Tag color={labels.statusColor(o.status)} style={{ marginInlineEnd: 0 }}>
                      {labels.status(o.status)}
                    </Tag>
                    <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                      {o.subject}
                    </Typography.Text>
                  </Flex>
                </Link>
              ))}
              <Link
                to={`/tickets?view=all&customerId=${ticket.customerId}`}
                data-testid="customer-all-tickets"
              >
                {t('tickets.customer.all')}
              </Link>
            </Flex>
          )}
        </div>
      ) : null}
    </Card>
  );
}
