import { HistoryOutlined, MailOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Flex, Skeleton, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type AttachmentView, useTicketAttachments } from '../../api/attachments.ts';
import { useCan } from '../../api/session.ts';
import type { TicketView } from '../../api/tickets.ts';
import {
  type EmailView,
  type TicketEvent,
  type TicketMessage,
  useTicketEmails,
  useTicketEvents,
  useTicketMessages,
} from '../../api/tickets-conversation.ts';
import { useStaffNames } from '../../api/tickets-lookups.ts';
import { AttachmentList, groupByMessage } from '../../components/AttachmentList.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { EmailFrame, EmailStatus } from './EmailFrame.tsx';
import { eventText } from './event-text.ts';
import { useTicketLabels } from './labels.ts';

const STYLES = {
  customer: { background: '#f5f6f8', border: '1px solid #eceef1' },
  public: { background: '#eef4ff', border: '1px solid #d6e4ff' },
  internal: { background: '#fffbe6', border: '1px dashed #ffd666' },
} as const;

function MessageItem({
  message,
  email,
  files,
}: {
  message: TicketMessage;
  email: EmailView | undefined;
  files: AttachmentView[] | undefined;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const labels = useTicketLabels();
  const [showEmail, setShowEmail] = useState(false);
  if (message.kind === 'system') {
    return (
      <Flex justify="center" data-testid={`message-${message.id}`} data-kind="system">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {message.body} · {fmt.dateTime(message.createdAt)}
        </Typography.Text>
      </Flex>
    );
  }
  const fromCustomer = message.kind === 'public' && message.authorUserId === null;
  const style = fromCustomer
    ? STYLES.customer
    : message.kind === 'internal'
      ? STYLES.internal
      : STYLES.public;
  const name = message.authorName ?? (fromCustomer ? t('tickets.msg.customer') : '—');
  return (
    <Flex justify={fromCustomer ? 'flex-start' : 'flex-end'}>
      <div
        style={{ ...style, borderRadius: 8, padding: '8px 12px', maxWidth: '88%', minWidth: 240 }}
        data-testid={`message-${message.id}`}
        data-kind={fromCustomer ? 'customer' : message.kind}
      >
        <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
          <Avatar size="small" style={{ backgroundColor: fromCustomer ? '#8c8c8c' : '#1e5bb8' }}>
            {Array.from(name)[0] ?? '?'}
          </Avatar>
          <Typography.Text strong>{name}</Typography.Text>
          {fromCustomer ? (
            <Tag>{t('tickets.msg.customer')}</Tag>
          ) : message.kind === 'internal' ? (
            <Tag color="gold">{t('tickets.msg.internal')}</Tag>
          ) : (
            <Tag color="blue">{t('tickets.msg.public')}</Tag>
          )}
          {message.channel ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {labels.channel(message.channel)}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmt.dateTime(message.createdAt)}
          </Typography.Text>
          {email ? <EmailStatus email={email} /> : null}
        </Flex>
        <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="message-body">
          {message.body}
        </div>
        <AttachmentList items={files ?? []} />
        {email?.html ? (
          <Button
            type="link"
            size="small"
            icon={<MailOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => setShowEmail((v) => !v)}
            data-testid={`message-email-toggle-${message.id}`}
          >
            {showEmail ? t('tickets.email.hide') : t('tickets.email.show')}
          </Button>
        ) : null}
        {showEmail && email ? <EmailFrame email={email} /> : null}
      </div>
    </Flex>
  );
}

function UnlinkedEmail({ email }: { email: EmailView }) {
  const t = useT();
  const fmt = useDateFormat();
  const [open, setOpen] = useState(email.direction === 'in');
  return (
    <div
      style={{ ...STYLES.customer, borderRadius: 8, padding: '8px 12px' }}
      data-testid={`unlinked-email-${email.id}`}
    >
      <Flex gap={8} align="center" wrap>
        <MailOutlined />
        <Typography.Text strong>{email.subject ?? t('tickets.email.title')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fmt.dateTime(email.createdAt)}
        </Typography.Text>
        <EmailStatus email={email} />
        <Button
          type="link"
          size="small"
          onClick={() => setOpen((v) => !v)}
          data-testid={`email-toggle-${email.id}`}
        >
          {open ? t('tickets.email.hide') : t('tickets.email.show')}
        </Button>
      </Flex>
      {open ? <EmailFrame email={email} /> : null}
    </div>
  );
}

type Item =
  | { at: string; key: string; kind: 'message'; message: TicketMessage }
  | { at: string; key: string; kind: 'event'; event: TicketEvent }
  | { at: string; key: string; kind: 'email'; email: EmailView };

/** The request's conversation: description, public replies, internal notes, system lines, mail and history. */
export function Conversation({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useTicketLabels();
  const [showEvents, setShowEvents] = useState(false);
  const messages = useTicketMessages(ticket.id);
  const events = useTicketEvents(ticket.id);
  const emails = useTicketEmails(ticket.id, ticket.channel === 'email');
  const names = useStaffNames(can('user.read'));
  const files = groupByMessage(useTicketAttachments(ticket.id).data);
  // Staff files not sent yet are drafts of a reply, not part of what the customer sent.
  const requestFiles = (files.get(null) ?? []).filter((f) => !f.staffDraft);
  const byMessage = new Map(
    (emails.data ?? []).filter((e) => e.ticketMessageId).map((e) => [e.ticketMessageId!, e]),
  );

  const items: Item[] = [
    ...(messages.data ?? []).map((m) => ({
      at: m.createdAt,
      key: `m${m.id}`,
      kind: 'message' as const,
      message: m,
    })),
    ...(emails.data ?? [])
      .filter((e) => !e.ticketMessageId)
      .map((e) => ({ at: e.createdAt, key: `e${e.id}`, kind: 'email' as const, email: e })),
    ...(showEvents ? (events.data ?? []) : []).map((e) => ({
      at: e.occurredAt,
      key: `v${e.id}`,
      kind: 'event' as const,
      event: e,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));

  return (
    <Card
      size="small"
      title={t('tickets.conv.title')}
      data-testid="ticket-conversation"
      extra={
        <Flex gap={6} align="center">
          <HistoryOutlined />
          <Typography.Text style={{ fontSize: 12 }}>{t('tickets.conv.showEvents')}</Typography.Text>
          <Switch size="small" checked={showEvents} onChange={setShowEvents} data-testid="conv-show-events" />
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <div
          style={{ ...STYLES.customer, borderRadius: 8, padding: '8px 12px' }}
          data-testid="ticket-description"
        >
          <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('tickets.conv.description')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ticket.contactName ?? ticket.customerName ?? ''} · {labels.channel(ticket.channel)} ·{' '}
              {fmt.dateTime(ticket.createdAt)}
            </Typography.Text>
          </Flex>
          <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {ticket.description || (
              <Typography.Text type="secondary">{t('tickets.conv.noDescription')}</Typography.Text>
            )}
          </div>
          {requestFiles.length > 0 ? (
            <div style={{ marginTop: 8 }} data-testid="ticket-request-attachments">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('attachments.title')}
              </Typography.Text>
              <AttachmentList items={requestFiles} />
            </div>
          ) : null}
        </div>
        {messages.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
        {messages.error ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : null}
        {items.map((item) => {
          if (item.kind === 'message')
            return (
              <MessageItem
                key={item.key}
                message={item.message}
                email={byMessage.get(item.message.id)}
                files={files.get(item.message.id)}
              />
            );
          if (item.kind === 'email') return <UnlinkedEmail key={item.key} email={item.email} />;
          const { text, reason } = eventText(item.event, t, labels, names);
          return (
            <Flex
              key={item.key}
              gap={8}
              align="baseline"
              style={{ paddingInline: 8 }}
              data-testid={`event-${item.event.id}`}
            >
              <HistoryOutlined style={{ color: '#8c8c8c' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text}
                {reason ? ` · ${t('tickets.event.reason', { reason })}` : ''} · {fmt.dateTime(item.at)}
              </Typography.Text>
            </Flex>
          );
        })}
        {!messages.isPending && (messages.data ?? []).length === 0 && !showEvents ? (
          <Typography.Text type="secondary" style={{ textAlign: 'center' }} data-testid="conversation-empty">
            {t('tickets.conv.empty')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
