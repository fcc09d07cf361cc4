import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type AuditFilter, useAuditLog } from '../../api/audit.ts';
import type { AuditEntryView } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { ChangesTable } from './ChangesTable.tsx';
import { actionLabel, entityLabel } from './labels.ts';

export default function AuditPage() {
  const t = useT();
  const fmt = useDateFormat();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filter).some((v) => v !== undefined);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <AuditFilters value={filter} onChange={setFilter} />
        {log.error && !log.data ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <>
            <Table<AuditEntryView>
              rowKey="id"
              size="middle"
              dataSource={items}
              loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
              pagination={false}
              data-testid="audit-table"
              locale={{
                emptyText: log.isPending ? (
                  ' '
                ) : (
                  <EmptyState text={filtered ? t('audit.emptyFiltered') : t('audit.empty')} />
                ),
              }}
              expandable={{
                expandedRowRender: (entry) => <ChangesTable changes={entry.changes} />,
                rowExpandable: (entry) => entry.changes.length > 0,
              }}
              columns={[
                {
                  title: t('audit.time'),
                  dataIndex: 'occurredAt',
                  width: 180,
                  render: (at: string) => fmt.dateTimeSeconds(at),
                },
                {
                  title: t('audit.actor'),
                  key: 'actor',
                  render: (_, e) =>
                    e.actorLabel ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
                },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  render: (action: string) => (
                    <Tag
                      color={
                        action.endsWith('delete') || action.endsWith('failed') || action.endsWith('revoke')
                          ? 'red'
                          : 'blue'
                      }
                    >
                      {actionLabel(t, action)}
                    </Tag>
                  ),
                },
                {
                  title: t('audit.entity'),
                  key: 'entity',
                  render: (_, e) => (
                    <span>
                      <Typography.Text type="secondary">{entityLabel(t, e.entityType)}</Typography.Text>{' '}
                      {e.entityLabel ?? ''}
                      {e.entityId ? <Typography.Text type="secondary"> #{e.entityId}</Typography.Text> : null}
                    </span>
                  ),
                },
                {
                  title: t('audit.changes'),
                  key: 'changes',
                  width: 100,
                  render: (_, e) =>
                    e.changes.length > 0 ? t('audit.changeCount', { count: e.changes.length }) : '—',
                },
                {
                  title: t('audit.ip'),
                  dataIndex: 'ip',
                  width: 140,
                  responsive: ['lg'],
                  render: (ip: string | null) => ip ?? '—',
                },
              ]}
            />
            {items.length > 0 ? (
              <Flex justify="center" style={{ marginTop: 16 }}>
                {log.hasNextPage ? (
                  <Button
                    onClick={() => void log.fetchNextPage()}
                    loading={log.isFetchingNextPage}
                    data-testid="audit-load-more"
                  >
                    {t('audit.loadMore')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">
                    {t('audit.allLoaded', { count: items.length })}
                  </Typography.Text>
                )}
              </Flex>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
