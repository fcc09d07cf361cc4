import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { StatusTag, useStatusLabel } from '../components/StatusTag.tsx';
import { PortalEmpty, PortalError, PortalLoad } from '../components/states.tsx';
import PortalNotFound from '../pages/PortalNotFound.tsx';
import styles from '../portal.module.css';
import { type PortalTicket, useMyRequest, useRequestAttachments, useRequestMessages } from './api.ts';
import { Conversation } from './Conversation.tsx';
import { RatingCard } from './RatingCard.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { useTypeLabel } from './useTypeLabel.ts';

const STAGE: Record<string, number> = {
  new: 0,
  assigned: 1,
  in_progress: 1,
  waiting_customer: 1,
  waiting_third_party: 1,
  resolved: 2,
  revisited: 2,
  closed: 2,
};

function Progress({ status }: { status: string }) {
  const t = useT();
  const label = useStatusLabel();
  const current = STAGE[status] ?? 0;
  const working = current === 1 ? label(status) : undefined;
  return (
    <Steps
      size="small"
      type="dot"
      titlePlacement="vertical"
      responsive={false}
      current={current}
      status={current === 2 ? 'finish' : 'process'}
      items={[
        { title: t('portal.progress.submitted') },
        { title: t('portal.progress.working'), content: working },
        { title: t('portal.progress.resolved') },
      ]}
      style={{ marginTop: 16 }}
      data-testid="portal-progress"
    />
  );
}

function Summary({ ticket }: { ticket: PortalTicket }) {
  const t = useT();
  const { dateTime } = useDateFormat();
  const typeLabel = useTypeLabel();
  return (
    <Card className={styles.card} variant="borderless">
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-detail-subject">
          {ticket.subject}
        </Typography.Title>
        <StatusTag status={ticket.status} />
      </Flex>
      <Flex wrap gap={4} className={styles.itemMeta} style={{ marginTop: 6 }}>
        <span data-testid="portal-detail-number">{ticket.number}</span>
        {typeLabel(ticket.typeCode) ? <span>· {typeLabel(ticket.typeCode)}</span> : null}
        <span>· {t('portal.detail.submittedAt', { time: dateTime(ticket.createdAt) })}</span>
      </Flex>
      <Progress status={ticket.status} />
    </Card>
  );
}

/** One request: where it stands, the conversation, a reply box and — once resolved — the rating. */
export default function RequestDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const location = useLocation();
  const navigate = useNavigate();
  // "Submitted as …" shows once: the note is taken out of the history entry so a reload does not repeat it.
  const [created] = useState(() => (location.state as { created?: string } | null)?.created);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (created) void navigate(location.pathname, { replace: true, state: null });
  }, []);
  const ticket = useMyRequest(id);
  const messages = useRequestMessages(id);
  const attachments = useRequestAttachments(id);

  if (!valid) return <PortalNotFound />;
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }} data-testid="portal-request-detail">
      <Link to="/portal/requests" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('portal.nav.requests')}
      </Link>
      {created ? (
        <Alert
          type="success"
          showIcon
          closable
          title={t('portal.detail.created', { number: created })}
          description={t('portal.detail.createdText')}
          style={{ marginBottom: 16 }}
          data-testid="portal-created"
        />
      ) : null}
      <PortalLoad
        query={ticket}
        rows={6}
        notFound={
          <PortalEmpty text={t('portal.detail.notFound')}>
            <Link to="/portal/requests">
              <Button type="primary">{t('portal.nav.requests')}</Button>
            </Link>
          </PortalEmpty>
        }
      >
        {(data) => (
          <Flex vertical gap={16}>
            <Summary ticket={data} />
            <RatingCard ticketId={data.id} canRate={data.canRate} satisfaction={data.satisfaction} />
            <Card className={styles.card} variant="borderless" title={t('portal.detail.conversation')}>
              {messages.isPending ? (
                <Skeleton active avatar paragraph={{ rows: 3 }} />
              ) : messages.error ? (
                <PortalError error={messages.error} onRetry={() => void messages.refetch()} />
              ) : (
                <Conversation ticket={data} messages={messages.data} attachments={attachments.data} />
              )}
            </Card>
            <ReplyBox ticket={data} />
          </Flex>
        )}
      </PortalLoad>
    </div>
  );
}
