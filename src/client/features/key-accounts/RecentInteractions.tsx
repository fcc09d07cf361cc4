import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CustomerDetail, useTimeline } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';
import { ActivityForm } from '../customers/ActivityForm.tsx';

const KINDS = ['activity'];
const SHOWN = 5;

/** 往来记录: the latest visits, calls and meetings (each one a revisit), and a way to record another. */
export function RecentInteractions({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const [recording, setRecording] = useState(false);
  const timeline = useTimeline(customer.id, KINDS);
  const entries = (timeline.data?.pages[0]?.items ?? []).slice(0, SHOWN);
  const subtype = (s: string | null) => {
    const key = `customers.act.${s ?? ''}`;
    return s && isMessageKey(key) ? t(key) : s;
  };

  return (
    <Card
      size="small"
      title={t('keyAccounts.recent.title')}
      data-testid="ka-interactions"
      extra={
        <Flex gap={8} align="center">
          {can('customer.update') && !recording ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="ka-revisit-add"
            >
              {t('keyAccounts.revisit.record')}
            </Button>
          ) : null}
          <Link to={`/customers/${customer.id}?tab=timeline`}>{t('keyAccounts.recent.all')}</Link>
        </Flex>
      }
    >
      {recording ? <ActivityForm customer={customer} onDone={() => setRecording(false)} /> : null}
      {timeline.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : timeline.error && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <Typography.Text type="secondary">{t('keyAccounts.recent.empty')}</Typography.Text>
      ) : (
        entries.map((e, i) => (
          <Flex
            key={e.key}
            vertical
            gap={2}
            style={{ padding: '8px 0', borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}
            data-testid={`ka-interaction-${e.key}`}
          >
            <Flex gap={6} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmt.dateTime(e.at)}
              </Typography.Text>
              {e.subtype ? (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {subtype(e.subtype)}
                </Tag>
              ) : null}
              {e.actorName ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName}
                </Typography.Text>
              ) : null}
            </Flex>
            <Typography.Text strong>{e.title}</Typography.Text>
            {e.detail ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {e.detail}
              </Typography.Paragraph>
            ) : null}
          </Flex>
        ))
      )}
    </Card>
  );
}
