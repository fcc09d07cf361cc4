import { Select, Typography } from 'antd';
import { useState } from 'react';
import { type ContactMatch, useContactLookup } from '../../api/tickets-lookups.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';

/** Type-ahead over contacts and their companies (name, phone, email, company; Chinese works). */
export function ContactSelect({
  value,
  onChange,
  onPick,
  initial,
}: {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  onPick?: (contact: ContactMatch | null) => void;
  initial?: { id: number; name: string } | null;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useContactLookup(q);
  const matches = q ? (found.data ?? []) : [];
  const options: { value: number; label: string; contact?: ContactMatch; 'data-testid'?: string }[] =
    matches.map((c) => ({
      value: c.id,
      label: c.customerName ? `${c.name} · ${c.customerName}` : c.name,
      contact: c,
      'data-testid': `contact-option-${c.id}`,
    }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id)) {
    options.unshift({ value: initial.id, label: initial.name });
  }
  return (
    <Select
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      placeholder={t('tickets.new.contactSearch')}
      notFoundContent={
        q && !found.isFetching ? (
          <Typography.Text type="secondary">{t('tickets.new.contactNone')}</Typography.Text>
        ) : null
      }
      options={options}
      optionRender={(option) => {
        const c = option.data.contact as ContactMatch | undefined;
        return (
          <div>
            <div>{option.label}</div>
            {c ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  c.phone,
                  c.email,
                  c.customerClass ? t('tickets.customer.class', { class: c.customerClass }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            ) : null}
          </div>
        );
      }}
      onChange={(id: number | undefined) => {
        onChange?.(id);
        onPick?.(matches.find((m) => m.id === id) ?? null);
      }}
      data-testid="new-contact-select"
      aria-label={t('tickets.new.contact')}
    />
  );
}
