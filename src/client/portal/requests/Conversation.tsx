import { CustomerServiceOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar } from 'antd';
import type { AttachmentView } from '../../api/attachments.ts';
import { AttachmentList, groupByMessage } from '../../components/AttachmentList.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import styles from '../portal.module.css';
import type { PortalMessage, PortalTicket } from './api.ts';

interface Entry {
  key: string;
  mine: boolean;
  author: string;
  body: string;
  at: string;
  files: AttachmentView[];
}

function Bubble({ entry }: { entry: Entry }) {
  const { dateTime } = useDateFormat();
  return (
    <div
      className={entry.mine ? `${styles.row} ${styles.rowMine}` : styles.row}
      data-testid="portal-message"
      data-from={entry.mine ? 'customer' : 'team'}
    >
      <Avatar
        size={32}
        icon={entry.mine ? <UserOutlined /> : <CustomerServiceOutlined />}
        style={{ flexShrink: 0, background: entry.mine ? '#1e5bb8' : '#d97a1e' }}
      />
      <div
        style={{
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          alignItems: entry.mine ? 'flex-end' : 'flex-start',
          flex: 1,
        }}
      >
        <div className={styles.bubbleMeta}>
          {entry.author} · {dateTime(entry.at)}
        </div>
        <div className={`${styles.bubble} ${entry.mine ? styles.bubbleMine : styles.bubbleTheirs}`}>
          {entry.body}
        </div>
        <AttachmentList items={entry.files} align={entry.mine ? 'flex-end' : 'flex-start'} />
      </div>
    </div>
  );
}

/**
 * The public conversation: the customer's own words on the right (starting with the description they
 * submitted, with the files they attached), the service team's replies on the left. Internal notes and
 * their files never reach the portal.
 */
export function Conversation({
  ticket,
  messages,
  attachments,
}: {
  ticket: PortalTicket;
  messages: PortalMessage[];
  attachments: AttachmentView[] | undefined;
}) {
  const t = useT();
  const files = groupByMessage(attachments);
  const entries: Entry[] = [
    {
      key: 'description',
      mine: true,
      author: t('portal.detail.you'),
      body: ticket.description,
      at: ticket.createdAt,
      files: files.get(null) ?? [],
    },
    ...messages.map((m) => ({
      key: String(m.id),
      mine: m.fromCustomer,
      author: m.fromCustomer ? t('portal.detail.you') : m.authorName || t('portal.detail.team'),
      body: m.body,
      at: m.createdAt,
      files: files.get(m.id) ?? [],
    })),
  ];
  return (
    <div className={styles.thread} data-testid="portal-conversation">
      {entries.map((entry) => (
        <Bubble key={entry.key} entry={entry} />
      ))}
    </div>
  );
}
