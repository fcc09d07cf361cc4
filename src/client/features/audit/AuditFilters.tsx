import { DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilter } from '../../api/audit.ts';
import { useCan } from '../../api/session.ts';
import { useUsers } from '../../api/users.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs, useTimeZone } from '../../i18n/format.ts';
import { ACTIONS, actionLabel, ENTITY_TYPES, entityLabel } from './labels.ts';

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter;
  onChange: (next: AuditFilter) => void;
}) {
  const t = useT();
  const can = useCan();
  const zone = useTimeZone();
  const users = useUsers({ page: 1, pageSize: 100 }, can('user.read'));
  const set = (patch: Partial<AuditFilter>) => onChange({ ...value, ...patch });
  const range: [Dayjs, Dayjs] | null =
    value.from && value.to ? [dayjs(value.from).tz(zone), dayjs(value.to).tz(zone)] : null;

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Select
        allowClear
        placeholder={t('audit.entity')}
        aria-label={t('audit.entity')}
        style={{ width: 160 }}
        value={value.entityType}
        onChange={(entityType: string | undefined) => set({ entityType })}
        options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
      />
      <Input
        allowClear
        placeholder={t('audit.entityId')}
        aria-label={t('audit.entityId')}
        style={{ width: 120 }}
        value={value.entityId ?? ''}
        onChange={(e) => set({ entityId: e.target.value.trim() || undefined })}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        aria-label={t('audit.action')}
        style={{ width: 200 }}
        value={value.action}
        onChange={(action: string | undefined) => set({ action })}
        options={ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
      />
      {can('user.read') ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          style={{ width: 180 }}
          loading={users.isPending}
          value={value.actorUserId}
          onChange={(actorUserId: number | undefined) => set({ actorUserId })}
          options={(users.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))}
        />
      ) : null}
      <DatePicker.RangePicker
        aria-label={t('audit.range')}
        value={range}
        onChange={(dates) => {
          const [start, end] = dates ?? [];
          set(
            start && end
              ? {
                  from: dayjs.tz(start.format('YYYY-MM-DD'), zone).startOf('day').format(),
                  to: dayjs.tz(end.format('YYYY-MM-DD'), zone).endOf('day').format(),
                }
              : { from: undefined, to: undefined },
          );
        }}
      />
    </Flex>
  );
}
