import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useCustomerSearch } from '../../api/customers.ts';
import { useComplaintPicker } from '../../api/returns.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';

export interface Picked {
  id: number;
  label: string;
}

/** Type-ahead over customers (code, name, phone, contact); `known` keeps a chosen one's label visible. */
export function CustomerPicker({
  value,
  onChange,
  known,
}: {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  known: Picked | null;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const search = useCustomerSearch(q);
  const options = (search.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.code} · ${c.name}`,
    'data-testid': `return-customer-option-${c.id}`,
  }));
  if (known && value === known.id && !options.some((o) => o.value === known.id))
    options.unshift({
      value: known.id,
      label: known.label,
      'data-testid': `return-customer-option-${known.id}`,
    });
  return (
    <Select
      value={value}
      onChange={(id: number | undefined) => onChange?.(id)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
      placeholder={t('returns.field.customerSearch')}
      notFoundContent={
        search.isFetching ? null : (
          <Typography.Text type="secondary">{t('returns.field.customerNone')}</Typography.Text>
        )
      }
      data-testid="return-customer"
      aria-label={t('returns.field.customer')}
    />
  );
}

/** Type-ahead over complaints (of the chosen customer when there is one); picking one reports its customer. */
export function ComplaintPicker({
  value,
  onChange,
  customerId,
  known,
  onPick,
}: {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  customerId: number | undefined;
  known: Picked | null;
  onPick: (customer: Picked | null) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const search = useComplaintPicker(q, customerId, true);
  const found = search.data?.items ?? [];
  const options = found.map((c) => ({
    value: c.id,
    label: [c.number, c.customerName, c.subject].filter(Boolean).join(' · '),
    'data-testid': `return-complaint-option-${c.id}`,
  }));
  if (known && value === known.id && !options.some((o) => o.value === known.id))
    options.unshift({
      value: known.id,
      label: known.label,
      'data-testid': `return-complaint-option-${known.id}`,
    });
  return (
    <Select
      value={value}
      onChange={(id: number | undefined) => {
        onChange?.(id);
        const complaint = found.find((c) => c.id === id);
        onPick(
          complaint?.customerId && complaint.customerName
            ? { id: complaint.customerId, label: complaint.customerName }
            : null,
        );
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
      placeholder={t('returns.field.complaintSearch')}
      notFoundContent={
        search.isFetching ? null : (
          <Typography.Text type="secondary">{t('returns.field.complaintNone')}</Typography.Text>
        )
      }
      data-testid="return-complaint"
      aria-label={t('returns.field.complaint')}
    />
  );
}
