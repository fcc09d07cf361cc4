import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RoleView } from '../../api/types.ts';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useRoleName } from './role-name.ts';
import styles from './roles.module.css';

export function RoleList({
  roles,
  selectedId,
  onSelect,
}: {
  roles: RoleView[];
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}) {
  const t = useT();
  const roleName = useRoleName();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? roles.filter((r) => r.name.toLowerCase().includes(needle) || r.code.includes(needle))
    : roles;

  return (
    <Flex vertical gap={8}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('roles.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        aria-label={t('roles.filter')}
      />
      {roles.length === 0 ? <EmptyState text={t('roles.empty')} /> : null}
      {roles.length > 0 && shown.length === 0 ? <EmptyState text={t('roles.noMatch')} /> : null}
      <nav aria-label={t('roles.list')} data-testid="role-list">
        {shown.map((role) => (
          <button
            type="button"
            key={role.id}
            className={`${styles.roleItem} ${role.id === selectedId ? styles.roleItemActive : ''}`}
            onClick={() => onSelect(role.id)}
            aria-current={role.id === selectedId ? 'true' : undefined}
            data-testid={`role-item-${role.code}`}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong ellipsis>
                {role.code === 'admin' ? <LockOutlined style={{ marginInlineEnd: 6 }} /> : null}
                {roleName(role)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                {t('roles.users', { count: role.userCount })}
              </Typography.Text>
            </Flex>
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {role.code}
              </Typography.Text>
              {role.isSystem ? (
                <Tag variant="filled" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                  {t('roles.system')}
                </Tag>
              ) : null}
            </Flex>
          </button>
        ))}
      </nav>
    </Flex>
  );
}
