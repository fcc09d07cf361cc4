import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications } from '../../api/notifications.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import styles from './notifications.module.css';

/** The header bell: unread count (live topic 'notifications'), the latest notices, "全部已读". */
export function NotificationBell() {
  const t = useT();
  const fmt = useDateFormat();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const unread = notifications.data?.unread ?? 0;

  const follow = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate([n.id]);
    setOpen(false);
    if (n.link?.startsWith('/')) navigate(n.link);
    else if (n.link) window.open(n.link, '_blank', 'noopener');
  };

  const panel = (
    <div className={styles.panel} data-testid="notification-panel">
      <Flex justify="space-between" align="center" className={styles.head}>
        <Typography.Text strong>{t('notif.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending && markRead.variables === undefined}
          onClick={() => markRead.mutate(undefined)}
          data-testid="notification-read-all"
        >
          {t('notif.markAll')}
        </Button>
      </Flex>
      <div className={styles.list}>
        {notifications.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} style={{ padding: 12 }} />
        ) : notifications.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
          </div>
        ) : (notifications.data?.items ?? []).length === 0 ? (
          <EmptyState text={t('notif.empty')} />
        ) : (
          (notifications.data?.items ?? []).map((n) => (
            <button
              type="button"
              key={n.id}
              className={`${styles.item} ${n.readAt ? '' : styles.unread}`}
              onClick={() => follow(n)}
              data-testid={`notification-item-${n.id}`}
              data-read={n.readAt ? 'true' : 'false'}
            >
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong={!n.readAt} ellipsis>
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {fmt.dateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
              {n.body ? (
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2 }}
                  style={{ margin: 0, fontSize: 12 }}
                >
                  {n.body}
                </Typography.Paragraph>
              ) : null}
            </button>
          ))
        )}
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      popupRender={() => panel}
      placement="bottomRight"
    >
      <Button
        type="text"
        aria-label={unread ? t('notif.unread', { count: unread }) : t('notif.title')}
        data-testid="notification-bell"
        style={{ height: 40 }}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
