import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useCustomerSearch } from '../../api/customers.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';

export interface PickedCustomer {
  id: number;
  label: string;
}

/** Type-ahead over customers (code, name, phone, contact); `known` keeps a chosen one's name visible. */
export function CustomerSelect({
  value,
  onChange,
  known,
}: {
  value?: number | null | undefined;
  onChange?: (id: number | undefined) => void;
  known?: PickedCustomer | null;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const [opened, setOpened] = useState(false);
  const search = useCustomerSearch(q, opened);
  const options = (search.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.code} · ${c.name}`,
    'data-testid': `complaint-customer-option-${c.id}`,
  }));
  if (known && value === known.id && !options.some((o) => o.value === known.id))
    options.unshift({
      value: known.id,
      label: known.label,
      'data-testid': `complaint-customer-option-${known.id}`,
    });
  return (
    <Select
      value={value ?? undefined}
      onChange={(id: number | undefined) => onChange?.(id)}
      onOpenChange={(open) => open && setOpened(true)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
      placeholder={t('complaints.field.customerSearch')}
      notFoundContent={
        search.isFetching ? null : (
          <Typography.Text type="secondary">{t('complaints.field.customerNone')}</Typography.Text>
        )
      }
      data-testid="complaint-field-customer"
      aria-label={t('complaints.field.customer')}
    />
  );
}
