import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useDepartments } from '../../api/departments.ts';
import { useRoles } from '../../api/roles.ts';
import { useCan } from '../../api/session.ts';
import type { UserView } from '../../api/types.ts';
import { type UserListParams, useUsers } from '../../api/users.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { departmentTree } from '../departments/tree.ts';
import { useRoleName } from '../roles/role-name.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';
import { UserRowActions } from './UserRowActions.tsx';

export default function UsersPage() {
  const t = useT();
  const roleName = useRoleName();
  const can = useCan();
  const fmt = useDateFormat();
  const [params, setParams] = useState<UserListParams>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserView | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const users = useUsers(params);
  const roles = useRoles(can('role.read'));
  const departments = useDepartments(can('department.read'));
  const manage = can('user.manage');

  const roleNames = useMemo(
    () => new Map((roles.data ?? []).map((r) => [r.id, roleName(r)])),
    [roles.data, roleName],
  );
  const filtered = Boolean(params.q || params.departmentId || params.roleId || params.status);
  const setFilter = (patch: Partial<UserListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.displayName'),
      key: 'name',
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{u.username}</Typography.Text>
            {u.jobTitle ? <Typography.Text type="secondary"> · {u.jobTitle}</Typography.Text> : null}
          </div>
        </div>
      ),
    },
    {
      title: t('users.department'),
      dataIndex: 'departmentName',
      render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, u) =>
        u.roleIds.length === 0 ? (
          <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {u.roleIds.map((id) => (
              <Tag key={id} color="blue" style={{ marginInlineEnd: 0 }}>
                {roleNames.get(id) ?? `#${id}`}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('users.contact'),
      key: 'contact',
      responsive: ['lg'],
      render: (_, u) => (
        <div>
          {u.email ? <div>{u.email}</div> : null}
          {u.phone ? <Typography.Text type="secondary">{u.phone}</Typography.Text> : null}
        </div>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: UserView['status']) =>
        status === 'active' ? (
          <Tag color="success">{t('common.active')}</Tag>
        ) : (
          <Tag>{t('common.disabled')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['xl'],
      render: (at: string | null) =>
        at ? fmt.dateTime(at) : <Typography.Text type="secondary">{t('common.never')}</Typography.Text>,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            render: (_: unknown, u: UserView) => (
              <UserRowActions user={u} onEdit={() => setEditing(u)} onResetPassword={() => setResetting(u)} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          manage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilter({ q: q.trim() || undefined })}
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 300 }}
            data-testid="user-search"
            aria-label={t('common.search')}
          />
          {can('department.read') ? (
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('users.filterDepartment')}
              treeData={departments.data ? departmentTree(departments.data) : []}
              value={params.departmentId}
              onChange={(value: number | undefined) => setFilter({ departmentId: value })}
              style={{ width: 200 }}
              aria-label={t('users.filterDepartment')}
            />
          ) : null}
          {can('role.read') ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('users.filterRole')}
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(r) }))}
              value={params.roleId}
              onChange={(value: number | undefined) => setFilter({ roleId: value })}
              style={{ width: 200 }}
              aria-label={t('users.filterRole')}
            />
          ) : null}
          <Select
            allowClear
            placeholder={t('users.filterStatus')}
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'disabled', label: t('common.disabled') },
            ]}
            value={params.status}
            onChange={(value: UserListParams['status']) => setFilter({ status: value })}
            style={{ width: 120 }}
            aria-label={t('users.filterStatus')}
          />
        </Flex>
        {users.error && !users.data ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<UserView>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            data-testid="users-table"
            locale={{
              emptyText: users.isPending ? (
                ' '
              ) : (
                <EmptyState text={filtered ? t('users.emptyFiltered') : t('users.empty')} />
              ),
            }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
            }}
          />
        )}
      </Card>
      <UserDrawer open={editing !== undefined} user={editing ?? null} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
