import { Select, Typography } from 'antd';
import { useState } from 'react';
import { type ComplaintBrief, useComplaintBrief, useComplaintSearch } from '../../api/capas.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';

const labelOf = (c: ComplaintBrief) => [c.number, c.product, c.subject].filter(Boolean).join(' · ');

/**
 * The complaint a CAPA starts from, searched by number, customer or subject. `onPick` hands over the
 * chosen complaint so the form can take over its product and category.
 */
export function ComplaintPicker({
  value,
  onChange,
  onPick,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  onPick?: (complaint: ComplaintBrief | null) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDebounced(typed.trim(), 250);
  const search = useComplaintSearch(q, opened);
  const chosen = useComplaintBrief(value ?? undefined);
  const found = search.data?.items ?? [];
  const options = found.map((c) => ({ value: c.id, label: labelOf(c) }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: chosen.data ? labelOf(chosen.data) : `#${value}` });
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        onChange?.(id ?? null);
        onPick?.(found.find((c) => c.id === id) ?? null);
      }}
      onOpenChange={(open) => open && setOpened(true)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
      placeholder={t('capas.field.complaintSearch')}
      notFoundContent={
        search.isFetching ? null : (
          <Typography.Text type="secondary">{t('capas.field.complaintNone')}</Typography.Text>
        )
      }
      aria-label={t('capas.field.complaint')}
      data-testid="capa-field-complaint"
    />
  );
}
