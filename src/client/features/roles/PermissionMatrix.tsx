import { Checkbox, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import type { PermissionGroup } from './group.ts';
import styles from './roles.module.css';

interface Props {
  groups: PermissionGroup[];
  value: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  disabled: boolean;
}

/** One role's permissions: a block per module with a "select all in module" box. */
export function PermissionMatrix({ groups, value, onChange, disabled }: Props) {
  const { t, locale } = useI18n();

  const setMany = (keys: string[], on: boolean) => {
    const next = new Set(value);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    onChange(next);
  };

  return (
    <Flex vertical gap={12} data-testid="permission-matrix">
      {groups.map((group) => {
        const keys = group.permissions.map((p) => p.key);
        const held = keys.filter((k) => value.has(k)).length;
        const moduleName = group.label[locale];
        return (
          <section key={group.module} className={styles.module} data-testid={`perm-module-${group.module}`}>
            <Flex className={styles.moduleHeader} align="center" justify="space-between">
              <Checkbox
                checked={held === keys.length}
                indeterminate={held > 0 && held < keys.length}
                disabled={disabled}
                onChange={(e) => setMany(keys, e.target.checked)}
                aria-label={`${moduleName} · ${t('roles.selectAll')}`}
              >
                <Typography.Text strong>{moduleName}</Typography.Text>
              </Checkbox>
              <Tag color={held > 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                {held} / {keys.length}
              </Tag>
            </Flex>
            <div className={styles.grid}>
              {group.permissions.map((p) => (
                <Checkbox
                  key={p.key}
                  checked={value.has(p.key)}
                  disabled={disabled}
                  onChange={(e) => setMany([p.key], e.target.checked)}
                  className={styles.permission}
                >
                  <span data-testid={`perm-${p.key}`}>{p.label[locale]}</span>
                  <span className={styles.permissionKey}>{p.key}</span>
                </Checkbox>
              ))}
            </div>
          </section>
        );
      })}
    </Flex>
  );
}
