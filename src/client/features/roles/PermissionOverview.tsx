import { CheckOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Typography } from 'antd';
import type { RoleView } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.ts';
import type { PermissionGroup } from './group.ts';
import { useRoleName } from './role-name.ts';

type Row =
  | { kind: 'module'; key: string; label: string }
  | { kind: 'permission'; key: string; label: string };

/** Read-only grid: permissions down, roles across. */
export function PermissionOverview({ groups, roles }: { groups: PermissionGroup[]; roles: RoleView[] }) {
  const { t, locale } = useI18n();
  const roleName = useRoleName();
  const rows: Row[] = groups.flatMap((g) => [
    { kind: 'module' as const, key: `module:${g.module}`, label: g.label[locale] },
    ...g.permissions.map((p) => ({ kind: 'permission' as const, key: p.key, label: p.label[locale] })),
  ]);
  const held = new Map(roles.map((r) => [r.id, new Set(r.permissions)]));
  const span = roles.length + 1;

  const columns: TableColumnsType<Row> = [
    {
      title: t('roles.permission'),
      key: 'permission',
      fixed: 'left',
      width: 240,
      onCell: (row) => (row.kind === 'module' ? { colSpan: span, style: { background: '#f7f9fc' } } : {}),
      render: (_, row) =>
        row.kind === 'module' ? (
          <Typography.Text strong>{row.label}</Typography.Text>
        ) : (
          <div>
            <div>{row.label}</div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {row.key}
            </Typography.Text>
          </div>
        ),
    },
    ...roles.map((role) => ({
      title: (
        <Typography.Text style={{ fontSize: 12 }} title={role.code}>
          {roleName(role)}
        </Typography.Text>
      ),
      key: `role-${role.id}`,
      width: 96,
      align: 'center' as const,
      onCell: (row: Row) => (row.kind === 'module' ? { colSpan: 0 } : {}),
      render: (_: unknown, row: Row) =>
        row.kind === 'permission' && held.get(role.id)?.has(row.key) ? (
          <CheckOutlined style={{ color: '#1e5bb8' }} aria-label="✓" />
        ) : null,
    })),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('roles.overviewHint')}</Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 240 + roles.length * 96, y: 'calc(100vh - 320px)' }}
        data-testid="permission-overview"
      />
    </>
  );
}
