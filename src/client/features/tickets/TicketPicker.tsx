import { Select } from 'antd';
import { useState } from 'react';
import { useTicketSearch } from '../../api/tickets.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useTicketLabels } from './labels.ts';

/** Finds another request by number or words (merge target, link). */
export function TicketPicker({
  value,
  onChange,
  excludeId,
  placeholder,
  testId,
}: {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  excludeId: number;
  placeholder: string;
  testId: string;
}) {
  const labels = useTicketLabels();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useTicketSearch(q);
  const options = (found.data?.items ?? [])
    .filter((item) => item.id !== excludeId)
    .map((item) => ({
      value: item.id,
      label: `${item.number} ${item.subject}`,
      status: item.status,
      'data-testid': `ticket-option-${item.number}`,
    }));
  return (
    <Select
      value={value}
      onChange={(id: number | undefined) => onChange?.(id)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={found.isFetching}
      placeholder={placeholder}
      aria-label={placeholder}
      options={options}
      optionRender={(option) => (
        <span>
          {option.label}{' '}
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>· {labels.status(String(option.data.status))}</span>
        </span>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
