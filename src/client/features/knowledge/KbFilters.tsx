import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { LOCALES } from '../../../shared/locale.ts';
import { KB_KINDS, KB_STATUSES, KB_VISIBILITIES } from '../../../shared/schemas/knowledge.ts';
import type { KbArticleFilter } from '../../api/knowledge.ts';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';

/** Search and the kind / visibility / status / language / tag filters of the article list. */
export function KbFilters({
  value,
  onChange,
  showStatus,
}: {
  value: KbArticleFilter;
  onChange: (patch: Partial<KbArticleFilter>) => void;
  showStatus: boolean;
}) {
  const t = useT();
  const [q, setQ] = useState(value.q ?? '');
  const [tag, setTag] = useState(value.tag ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => setTag(value.tag ?? ''), [value.tag]);
  const any = Object.entries(value).some(([key, v]) => key !== 'categoryId' && v !== undefined);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('kb.list.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ q: text.trim() || undefined })}
        style={{ width: 280 }}
        aria-label={t('kb.list.search')}
        data-testid="kb-search"
      />
      <Select
        allowClear
        placeholder={t('kb.field.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        style={{ width: 130 }}
        options={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kind.${k}`) }))}
        data-testid="kb-filter-kind"
      />
      <Select
        allowClear
        placeholder={t('kb.field.visibility')}
        value={value.visibility}
        onChange={(visibility) => onChange({ visibility })}
        style={{ width: 130 }}
        options={KB_VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
        data-testid="kb-filter-visibility"
      />
      {showStatus ? (
        <Select
          allowClear
          placeholder={t('common.status')}
          value={value.status}
          onChange={(status) => onChange({ status })}
          style={{ width: 120 }}
          options={KB_STATUSES.map((s) => ({ value: s, label: t(`kb.status.${s}`) }))}
          data-testid="kb-filter-status"
        />
      ) : null}
      <Select
        allowClear
        placeholder={t('kb.field.language')}
        value={value.language}
        onChange={(language) => onChange({ language })}
        style={{ width: 130 }}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        data-testid="kb-filter-language"
      />
      <Input
        allowClear
        placeholder={t('kb.list.tag')}
        value={tag}
        onChange={(e) => {
          setTag(e.target.value);
          if (!e.target.value) onChange({ tag: undefined });
        }}
        onPressEnter={() => onChange({ tag: tag.trim() || undefined })}
        onBlur={() => onChange({ tag: tag.trim() || undefined })}
        style={{ width: 140 }}
        aria-label={t('kb.list.tag')}
        data-testid="kb-filter-tag"
      />
      {any ? (
        <Button
          onClick={() =>
            onChange({
              q: undefined,
              kind: undefined,
              visibility: undefined,
              status: undefined,
              language: undefined,
              tag: undefined,
            })
          }
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
