import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useCan } from '../api/session.ts';
import { useUsers } from '../api/users.ts';
import { useT } from '../i18n/context.ts';

/**
 * One active staff user, searched on the server as you type. `known` names the users already chosen, so
 * they show by name even when they are not in the current search (or the viewer lacks user.read).
 */
export function UserPicker({
  value,
  onChange,
  known,
  exclude,
  disabled,
  placeholder,
  allowClear,
  testId,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  known: { id: number; name: string }[];
  exclude?: Set<number>;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}) {
  const t = useT();
  const can = useCan();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useUsers(
    { page: 1, pageSize: 50, q: search || undefined, status: 'active' },
    can('user.read') && !disabled,
  );
  const options = new Map<number, string>();
  for (const k of known) options.set(k.id, k.name);
  for (const u of users.data?.items ?? []) {
    options.set(u.id, u.departmentName ? `${u.displayName} · ${u.departmentName}` : u.displayName);
  }
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.pickUser')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={users.isFetching}
      notFoundContent={can('user.read') ? undefined : t('common.noUserRead')}
      options={[...options]
        .filter(([id]) => id === value || !exclude?.has(id))
        .map(([id, label]) => ({ value: id, label }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
