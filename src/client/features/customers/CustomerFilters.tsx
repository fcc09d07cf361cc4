import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { CREDIT_LEVELS, CUSTOMER_CLASSES, LIFECYCLES } from '../../../shared/schemas/customers.ts';
import { CUSTOMER_SORTS, type CustomerFilter } from '../../api/customers.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { hasFilters } from './filter-params.ts';
import { useCustomerLabels } from './labels.tsx';

/** A free-text filter that applies on Enter or when the field is left, and clears at once. */
function TextFilter({
  value,
  onChange,
  placeholder,
  testId,
  width,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  testId: string;
  width: number;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = () => text.trim() !== (value ?? '') && onChange(text.trim() || undefined);
  return (
    <Input
      allowClear
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) onChange(undefined);
      }}
      onPressEnter={commit}
      onBlur={commit}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** Search box, filters and order above the customer list. */
export function CustomerFilters({
  filter,
  onChange,
  onReset,
}: {
  filter: CustomerFilter;
  onChange: (patch: Partial<CustomerFilter>) => void;
  onReset: () => void;
}) {
  const t = useT();
  const labels = useCustomerLabels();
  const [search, setSearch] = useState(filter.q ?? '');
  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <span data-testid="customer-search">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: 280 }}
        />
      </span>
      <Select
        allowClear
        placeholder={t('customers.filter.class')}
        aria-label={t('customers.filter.class')}
        value={filter.class}
        onChange={(value: CustomerFilter['class']) => onChange({ class: value })}
        options={[
          ...CUSTOMER_CLASSES.map((c) => ({ value: c, label: labels.classLong(c) })),
          { value: 'none', label: t('customers.class.none') },
        ]}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        data-testid="customer-filter-class"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.creditLevel')}
        aria-label={t('customers.filter.creditLevel')}
        value={filter.creditLevel}
        onChange={(value: CustomerFilter['creditLevel']) => onChange({ creditLevel: value })}
        options={CREDIT_LEVELS.map((c) => ({ value: c, label: labels.credit(c) }))}
        style={{ width: 120 }}
        popupMatchSelectWidth={false}
        data-testid="customer-filter-credit"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.lifecycle')}
        aria-label={t('customers.filter.lifecycle')}
        value={filter.lifecycle}
        onChange={(value: CustomerFilter['lifecycle']) => onChange({ lifecycle: value })}
        options={LIFECYCLES.map((l) => ({ value: l, label: labels.lifecycle(l) }))}
        style={{ width: 130 }}
        data-testid="customer-filter-lifecycle"
      />
      <TextFilter
        value={filter.region}
        onChange={(region) => onChange({ region })}
        placeholder={t('customers.filter.region')}
        testId="customer-filter-region"
        width={110}
      />
      <TextFilter
        value={filter.industry}
        onChange={(industry) => onChange({ industry })}
        placeholder={t('customers.filter.industry')}
        testId="customer-filter-industry"
        width={110}
      />
      <TextFilter
        value={filter.tag}
        onChange={(tag) => onChange({ tag })}
        placeholder={t('customers.filter.tag')}
        testId="customer-filter-tag"
        width={100}
      />
      <StaffSelect
        value={filter.ownerUserId}
        onChange={(ownerUserId) => onChange({ ownerUserId })}
        placeholder={t('customers.filter.owner')}
        style={{ width: 120 }}
        testId="customer-filter-owner"
      />
      <StaffSelect
        value={filter.advisorUserId}
        onChange={(advisorUserId) => onChange({ advisorUserId })}
        placeholder={t('customers.filter.advisor')}
        style={{ width: 120 }}
        testId="customer-filter-advisor"
      />
      <Select
        aria-label={t('customers.sort.label')}
        value={filter.sort}
        onChange={(sort: CustomerFilter['sort']) => onChange({ sort })}
        options={CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sort.${s}`) }))}
        style={{ width: 130 }}
        data-testid="customer-sort"
      />
      {hasFilters(filter) ? (
        <Button icon={<ClearOutlined />} onClick={onReset} data-testid="customer-filter-reset">
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
