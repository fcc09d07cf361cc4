import { Table, Typography } from 'antd';
import type { AuditEntryView } from '../../api/types.ts';
import { useT } from '../../i18n/context.ts';
import { valueText } from './labels.ts';

type Change = AuditEntryView['changes'][number];

function Value({ value, kind }: { value: unknown; kind: 'before' | 'after' }) {
  const text = valueText(value);
  if (text === '—') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text
      type={kind === 'before' ? 'danger' : 'success'}
      delete={kind === 'before'}
      style={{ wordBreak: 'break-all' }}
    >
      {text}
    </Typography.Text>
  );
}

/** The before → after of each field an audited action changed. */
export function ChangesTable({ changes }: { changes: Change[] }) {
  const t = useT();
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Change>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      data-testid="audit-changes"
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 200,
          render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
        },
        {
          title: t('audit.before'),
          key: 'before',
          render: (_, c) => <Value value={c.before} kind="before" />,
        },
        {
          title: t('audit.after'),
          key: 'after',
          render: (_, c) => <Value value={c.after} kind="after" />,
        },
      ]}
    />
  );
}
