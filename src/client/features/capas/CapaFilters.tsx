import { Button, Flex, Input, Segmented, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CAPA_SOURCES, CAPA_STATUSES } from '../../../shared/schemas/capas.ts';
import type { CapaSource, CapaStatus } from '../../api/capas.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { CapaPageState, CapaViewMode } from './capa-filters.ts';

/** Board/list toggle, source, owner (or "mine"), overdue and a search on number or subject. */
export function CapaFilters({
  state,
  onChange,
  onReset,
}: {
  state: CapaPageState;
  onChange: (patch: Partial<CapaPageState>) => void;
  onReset: () => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState(state.q ?? '');
  useEffect(() => setTyped(state.q ?? ''), [state.q]);
  const filtered =
    !!state.status || !!state.source || !!state.ownerUserId || !!state.mine || !!state.overdue || !!state.q;
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Segmented<CapaViewMode>
        value={state.view}
        onChange={(view) => onChange({ view, ...(view === 'board' ? { status: undefined } : {}) })}
        options={[
          { value: 'board', label: t('capas.view.board') },
          { value: 'list', label: t('capas.view.list') },
        ]}
        data-testid="capa-view-toggle"
      />
      {state.view === 'list' ? (
        <Select
          allowClear
          placeholder={t('capas.filter.status')}
          aria-label={t('capas.filter.status')}
          value={state.status}
          onChange={(status: CapaStatus | undefined) => onChange({ status })}
          options={CAPA_STATUSES.map((s) => ({ value: s, label: t(`capas.status.${s}`) }))}
          style={{ width: 130 }}
          data-testid="capa-filter-status"
        />
      ) : null}
      <Select
        allowClear
        placeholder={t('capas.filter.source')}
        aria-label={t('capas.filter.source')}
        value={state.source}
        onChange={(source: CapaSource | undefined) => onChange({ source })}
        options={CAPA_SOURCES.map((s) => ({ value: s, label: t(`capas.source.${s}`) }))}
        style={{ width: 150 }}
        data-testid="capa-filter-source"
      />
      {state.mine ? null : (
        <StaffSelect
          value={state.ownerUserId}
          onChange={(ownerUserId) => onChange({ ownerUserId })}
          placeholder={t('capas.filter.owner')}
          ariaLabel={t('capas.filter.owner')}
          style={{ width: 160 }}
          testId="capa-filter-owner"
        />
      )}
      <Flex gap={6} align="center">
        <Switch
          size="small"
          checked={!!state.mine}
          onChange={(on) => onChange({ mine: on || undefined, ownerUserId: undefined })}
          aria-label={t('capas.filter.mine')}
          data-testid="capa-filter-mine"
        />
        <Typography.Text>{t('capas.filter.mine')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        <Switch
          size="small"
          checked={!!state.overdue}
          onChange={(on) => onChange({ overdue: on || undefined })}
          aria-label={t('capas.filter.overdue')}
          data-testid="capa-filter-overdue"
        />
        <Typography.Text>{t('capas.filter.overdue')}</Typography.Text>
      </Flex>
      <Input.Search
        allowClear
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        placeholder={t('capas.filter.search')}
        aria-label={t('capas.filter.search')}
        style={{ width: 200 }}
        data-testid="capa-filter-q"
      />
      {filtered ? (
        <Button onClick={onReset} data-testid="capa-filter-reset">
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
