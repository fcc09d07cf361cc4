import { DisconnectOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../api/session.ts';
import { type TicketLink, useLinkTicket, useTicketLinks } from '../../api/tickets.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useTicketLabels } from './labels.ts';
import { TicketPicker } from './TicketPicker.tsx';

function kindKey(link: TicketLink) {
  if (link.kind === 'merged_into')
    return link.direction === 'out' ? 'tickets.links.mergedInto' : 'tickets.links.mergedFrom';
  if (link.kind === 'split_from')
    return link.direction === 'out' ? 'tickets.links.splitFrom' : 'tickets.links.splitInto';
  return 'tickets.links.related';
}

/** Related requests (either direction), merge and split history; add or remove plain links. */
export function LinksPanel({ ticketId }: { ticketId: number }) {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  const links = useTicketLinks(ticketId);
  const change = useLinkTicket(ticketId);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const editable = can('ticket.update');

  const add = (relatedId: number | undefined) => {
    if (!relatedId) return;
    change.mutate(
      { relatedId },
      {
        onSuccess: () => {
          void message.success(t('tickets.links.added'));
          setAdding(false);
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Card
      size="small"
      title={t('tickets.links.title')}
      data-testid="ticket-links"
      extra={
        editable && !adding ? (
          <Button
            size="small"
            type="link"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="link-add"
          >
            {t('tickets.links.add')}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <TicketPicker
            excludeId={ticketId}
            placeholder={t('tickets.picker.placeholder')}
            onChange={add}
            testId="link-picker"
          />
          <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
        </Flex>
      ) : null}
      {(links.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">{t('tickets.links.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {(links.data ?? []).map((link) => (
            <Flex
              key={`${link.kind}-${link.direction}-${link.id}`}
              gap={6}
              align="center"
              justify="space-between"
            >
              <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                <Tag style={{ marginInlineEnd: 0 }}>{t(kindKey(link))}</Tag>
                <Link to={`/tickets/${link.id}`} data-testid={`link-${link.number}`} style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ maxWidth: 200 }}>
                    {link.number} {link.subject}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {labels.status(link.status)}
                </Typography.Text>
              </Flex>
              {editable && link.kind === 'related' ? (
                <Popconfirm
                  title={t('tickets.links.removeConfirm')}
                  onConfirm={() =>
                    change.mutate({ relatedId: link.id, remove: true }, { onError: notifyError })
                  }
                >
                  <Button
                    size="small"
                    type="text"
                    icon={<DisconnectOutlined />}
                    aria-label={t('tickets.links.remove')}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
