import { Select } from 'antd';
import { useState } from 'react';
import { useCan } from '../api/session.ts';
import { useStaff } from '../api/tickets-lookups.ts';
import { useDebounced } from './hooks.ts';

/**
 * Picks a colleague (assignee, filter). Searches the user directory as one types; `current` keeps the
 * chosen person's name visible even when they are not among the first results.
 */
export function StaffSelect({
  value,
  onChange,
  current,
  placeholder,
  testId,
  style,
  allowClear = true,
  ariaLabel,
}: {
  value?: number | null | undefined;
  onChange?: (value: number | undefined) => void;
  current?: { id: number; name: string } | null | undefined;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  ariaLabel?: string;
}) {
  const can = useCan();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [opened, setOpened] = useState(false);
  const staff = useStaff(q, can('user.read'), opened || value != null);
  const options = staff.options.map((s) => ({
    value: s.id,
    label: s.displayName,
    username: s.username,
    'data-testid': s.username ? `staff-option-${s.username}` : undefined,
  }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.name, username: '', 'data-testid': undefined });
  }
  return (
    <Select
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v)}
      onOpenChange={(open) => open && setOpened(true)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={staff.isPending}
      placeholder={placeholder}
      options={options}
      optionRender={(option) => (
        <span>
          {option.label}
          {option.data.username ? (
            <span style={{ color: 'rgba(0,0,0,0.45)', marginInlineStart: 6 }}>@{option.data.username}</span>
          ) : null}
        </span>
      )}
      data-testid={testId}
      aria-label={ariaLabel ?? placeholder}
      style={style}
    />
  );
}
