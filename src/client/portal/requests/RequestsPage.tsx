import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { PortalEmpty, PortalError } from '../components/states.tsx';
import styles from '../portal.module.css';
import { type PortalTicket, useMyRequests } from './api.ts';
import { useTypeLabel } from './useTypeLabel.ts';

function RequestItem({ ticket }: { ticket: PortalTicket }) {
  const t = useT();
  const { dateTime } = useDateFormat();
  const typeLabel = useTypeLabel();
  const yourTurn = ticket.status === 'waiting_customer' || ticket.canRate;
  return (
    <Link
      to={`/portal/requests/${ticket.id}`}
      className={styles.itemLink}
      style={yourTurn ? { borderColor: '#f3c58c' } : undefined}
      data-testid="portal-request-item"
      data-number={ticket.number}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <span className={styles.itemTitle}>{ticket.subject}</span>
        <StatusTag status={ticket.status} />
      </Flex>
      <Flex wrap gap={4} className={styles.itemMeta} style={{ marginTop: 6 }}>
        <span>{ticket.number}</span>
        {typeLabel(ticket.typeCode) ? <span>· {typeLabel(ticket.typeCode)}</span> : null}
        <span>· {t('portal.requests.updated', { time: dateTime(ticket.updatedAt) })}</span>
      </Flex>
      {ticket.canRate ? (
        <Typography.Text style={{ color: '#b86200', fontSize: 13, display: 'block', marginTop: 4 }}>
          {t('portal.requests.pleaseRate')}
        </Typography.Text>
      ) : null}
    </Link>
  );
}

/** 我的请求: the customer's own requests, newest first, with 加载更多. */
export default function RequestsPage() {
  const t = useT();
  const list = useMyRequests();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="portal-requests">
      <PageHeader
        title={t('portal.requests.title')}
        subtitle={t('portal.requests.subtitle')}
        extra={
          <Link to="/portal/requests/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="portal-requests-new">
              {t('portal.nav.newRequest')}
            </Button>
          </Link>
        }
      />
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : list.error && items.length === 0 ? (
        <PortalError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <PortalEmpty text={t('portal.requests.empty')}>
          <Link to="/portal/requests/new">
            <Button type="primary">{t('portal.nav.newRequest')}</Button>
          </Link>
        </PortalEmpty>
      ) : (
        <Flex vertical gap={10}>
          {items.map((ticket) => (
            <RequestItem key={ticket.id} ticket={ticket} />
          ))}
          {list.hasNextPage ? (
            <Button
              block
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              data-testid="portal-requests-more"
            >
              {t('portal.loadMore')}
            </Button>
          ) : null}
          {list.isFetchNextPageError ? <PortalError error={list.error} /> : null}
        </Flex>
      )}
    </div>
  );
}
