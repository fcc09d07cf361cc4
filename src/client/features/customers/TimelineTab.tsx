import {
  AuditOutlined,
  CarOutlined,
  CommentOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  EllipsisOutlined,
  GiftOutlined,
  MailOutlined,
  PhoneOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TIMELINE_KINDS } from '../../../shared/schemas/customers.ts';
import { type CustomerDetail, type TimelineEntry, useTimeline } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';
import { CareRecordButton } from '../care/CareRecordModal.tsx';
import { careKindText, skipReasonText } from '../care/labels.tsx';
import { useTicketLabels } from '../tickets/labels.ts';
import { ActivityForm } from './ActivityForm.tsx';

type Kind = (typeof TIMELINE_KINDS)[number];

const KIND_COLORS: Record<Kind, string> = {
  request: 'blue',
  call: 'cyan',
  activity: 'green',
  application: 'purple',
  credit: 'magenta',
  care: 'gold',
};

const ACTIVITY_ICONS: Record<string, ReactNode> = {
  note: <EditOutlined />,
  visit: <CarOutlined />,
  meeting: <TeamOutlined />,
  call: <PhoneOutlined />,
  email: <MailOutlined />,
  chat: <CommentOutlined />,
  care: <GiftOutlined />,
  other: <EllipsisOutlined />,
};

function iconOf(entry: TimelineEntry): ReactNode {
  if (entry.kind === 'request') return <CustomerServiceOutlined />;
  if (entry.kind === 'call') return <PhoneOutlined />;
  if (entry.kind === 'application') return <AuditOutlined />;
  if (entry.kind === 'credit') return <CreditCardOutlined />;
  if (entry.kind === 'care') return <GiftOutlined />;
  return ACTIVITY_ICONS[entry.subtype ?? ''] ?? <EditOutlined />;
}

const isKind = (k: string): k is Kind => (TIMELINE_KINDS as readonly string[]).includes(k);

/** 时间线: everything that happened with the customer, newest first, filtered by kind. */
export function TimelineTab({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const ticketLabels = useTicketLabels();
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [recording, setRecording] = useState(false);
  const timeline = useTimeline(customer.id, kinds);
  const entries = useMemo(() => timeline.data?.pages.flatMap((p) => p.items) ?? [], [timeline.data]);

  const subtypeText = (e: TimelineEntry): string | null => {
    if (!e.subtype) return null;
    if (e.kind === 'request') return ticketLabels.status(e.subtype);
    if (e.kind === 'care') return careKindText(t, e.subtype);
    const key =
      e.kind === 'activity'
        ? `customers.act.${e.subtype}`
        : e.kind === 'call'
          ? `customers.tl.call.${e.subtype}`
          : `customers.tl.status.${e.subtype}`;
    return isMessageKey(key) ? t(key) : e.subtype;
  };
  const toggle = (kind: Kind, on: boolean) =>
    setKinds((list) => (on ? [...list, kind] : list.filter((k) => k !== kind)));

  return (
    <div data-testid="customer-timeline">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={4} wrap>
          <Tag.CheckableTag
            checked={kinds.length === 0}
            onChange={() => setKinds([])}
            data-testid="timeline-kind-all"
          >
            {t('common.all')}
          </Tag.CheckableTag>
          {TIMELINE_KINDS.map((kind) => (
            <Tag.CheckableTag
              key={kind}
              checked={kinds.includes(kind)}
              onChange={(on) => toggle(kind, on)}
              data-testid={`timeline-kind-${kind}`}
            >
              {t(`customers.tl.kind.${kind}`)}
            </Tag.CheckableTag>
          ))}
        </Flex>
        <Flex gap={8} wrap>
          {can('customer.update') && customer.mergedIntoId === null && !recording ? (
            <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="activity-add">
              {t('customers.act.record')}
            </Button>
          ) : null}
          <CareRecordButton customer={customer} />
        </Flex>
      </Flex>
      {recording ? <ActivityForm customer={customer} onDone={() => setRecording(false)} /> : null}
      {timeline.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : timeline.error && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState text={kinds.length > 0 ? t('customers.tl.emptyFiltered') : t('customers.tl.empty')} />
      ) : (
        <>
          <Timeline
            style={{ paddingTop: 8 }}
            items={entries.map((e) => {
              const kind = isKind(e.kind) ? e.kind : null;
              const subtype = subtypeText(e);
              return {
                key: e.key,
                color: kind ? KIND_COLORS[kind] : 'gray',
                icon: iconOf(e),
                content: (
                  <div data-testid={`timeline-${e.key}`} data-kind={e.kind}>
                    <Flex gap={6} align="center" wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fmt.dateTime(e.at)}
                      </Typography.Text>
                      {kind ? (
                        <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
                          {t(`customers.tl.kind.${kind}`)}
                        </Tag>
                      ) : null}
                      {subtype ? <Tag style={{ marginInlineEnd: 0 }}>{subtype}</Tag> : null}
                      {e.actorName ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.actorName}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                    <div style={{ marginTop: 2 }}>
                      {e.kind === 'request' ? (
                        <Link to={`/tickets/${e.refId}`} data-testid={`timeline-link-${e.refId}`}>
                          {e.title}
                        </Link>
                      ) : (
                        <Typography.Text strong>
                          {/* A care record given by hand has no rule name: its kind is the title. */}
                          {e.kind === 'care' && e.title === e.subtype ? careKindText(t, e.subtype) : e.title}
                        </Typography.Text>
                      )}
                    </div>
                    {e.detail ? (
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 2, expandable: 'collapsible' }}
                        style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
                      >
                        {e.kind === 'care' ? skipReasonText(t, e.detail) : e.detail}
                      </Typography.Paragraph>
                    ) : null}
                  </div>
                ),
              };
            })}
          />
          {timeline.hasNextPage ? (
            <Flex justify="center">
              <Button
                onClick={() => void timeline.fetchNextPage()}
                loading={timeline.isFetchingNextPage}
                data-testid="timeline-load-more"
              >
                {t('customers.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </div>
  );
}
