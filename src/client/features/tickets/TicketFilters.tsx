import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { TicketFilter } from '../../api/tickets.ts';
import { useTeams, useTicketTypes } from '../../api/tickets-lookups.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { hasFilters } from './filter-params.ts';
import { localisedText, useTicketLabels } from './labels.ts';

/** Search box and filters above the request list. */
export function TicketFilters({
  filter,
  onChange,
  onReset,
}: {
  filter: TicketFilter;
  onChange: (patch: Partial<TicketFilter>) => void;
  onReset: () => void;
}) {
  const t = useT();
  const labels = useTicketLabels();
  const types = useTicketTypes();
  const teams = useTeams();
  const [search, setSearch] = useState(filter.q ?? '');
  const [tag, setTag] = useState(filter.tag ?? '');
  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);
  useEffect(() => setTag(filter.tag ?? ''), [filter.tag]);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        placeholder={t('tickets.searchPlaceholder')}
        style={{ width: 240 }}
        data-testid="ticket-search"
        aria-label={t('common.search')}
      />
      <Select
        allowClear
        placeholder={t('tickets.filter.status')}
        aria-label={t('tickets.filter.status')}
        value={filter.status}
        onChange={(status: TicketFilter['status']) => onChange({ status })}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        style={{ width: 120 }}
        data-testid="ticket-filter-status"
      />
      <Select
        allowClear
        placeholder={t('tickets.filter.priority')}
        aria-label={t('tickets.filter.priority')}
        value={filter.priority}
        onChange={(priority: TicketFilter['priority']) => onChange({ priority })}
        options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
        style={{ width: 100 }}
        data-testid="ticket-filter-priority"
      />
      <Select
        allowClear
        placeholder={t('tickets.filter.channel')}
        aria-label={t('tickets.filter.channel')}
        value={filter.channel}
        onChange={(channel: TicketFilter['channel']) => onChange({ channel })}
        options={CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
        style={{ width: 110 }}
        data-testid="ticket-filter-channel"
      />
      <Select
        allowClear
        placeholder={t('tickets.filter.type')}
        aria-label={t('tickets.filter.type')}
        value={filter.typeId}
        onChange={(typeId: number | undefined) => onChange({ typeId })}
        options={(types.data ?? []).map((ty) => ({
          value: ty.id,
          label: localisedText(ty.label, labels.locale),
        }))}
        style={{ width: 120 }}
        data-testid="ticket-filter-type"
      />
      <StaffSelect
        value={filter.assigneeId}
        onChange={(assigneeId) => onChange({ assigneeId })}
        placeholder={t('tickets.filter.assignee')}
        style={{ width: 120 }}
        testId="ticket-filter-assignee"
      />
      <Select
        allowClear
        placeholder={t('tickets.filter.team')}
        aria-label={t('tickets.filter.team')}
        value={filter.teamId}
        onChange={(teamId: number | undefined) => onChange({ teamId })}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        style={{ width: 120 }}
        data-testid="ticket-filter-team"
      />
      <Input
        allowClear
        value={tag}
        onChange={(e) => {
          setTag(e.target.value);
          if (!e.target.value) onChange({ tag: undefined });
        }}
        onPressEnter={() => onChange({ tag: tag.trim() || undefined })}
        onBlur={() => tag.trim() !== (filter.tag ?? '') && onChange({ tag: tag.trim() || undefined })}
        placeholder={t('tickets.filter.tag')}
        aria-label={t('tickets.filter.tag')}
        style={{ width: 100 }}
        data-testid="ticket-filter-tag"
      />
      {hasFilters(filter) ? (
        <Button icon={<ClearOutlined />} onClick={onReset} data-testid="ticket-filter-reset">
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
