import { Flex, Tag, Typography } from 'antd';
import { isLocale } from '../../../shared/locale.ts';
import type { RuleConditions } from '../../../shared/schemas/assignment.ts';
import { useTicketCategories, useTicketTypes } from '../../api/ticket-config.ts';
import { colon, pick } from '../../components/labels.ts';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { channelLabel, priorityLabel } from './labels.ts';

type Conditions = Partial<Record<keyof RuleConditions, (string | number)[] | undefined>>;

/** "类型：咨询、投诉 · 优先级：紧急" — or "全部请求" when nothing narrows it. */
export function ConditionSummary({ conditions }: { conditions: Conditions }) {
  const { t, locale } = useI18n();
  const types = useTicketTypes();
  const hasCategories = (conditions.categoryIds?.length ?? 0) > 0;
  const categories = useTicketCategories(hasCategories);
  const typeName = (id: string | number) =>
    pick(types.data?.find((x) => x.id === id)?.label, locale) || `#${id}`;
  const categoryName = (id: string | number) =>
    pick(categories.data?.find((x) => x.id === id)?.label, locale) || `#${id}`;

  const rows: { label: string; values: string[] }[] = [
    { label: t('ticketAdmin.cond.types'), values: (conditions.typeIds ?? []).map(typeName) },
    { label: t('ticketAdmin.cond.categories'), values: (conditions.categoryIds ?? []).map(categoryName) },
    {
      label: t('ticketAdmin.cond.priorities'),
      values: (conditions.priorities ?? []).map((p) => priorityLabel(String(p), locale)),
    },
    {
      label: t('ticketAdmin.cond.channels'),
      values: (conditions.channels ?? []).map((c) => channelLabel(String(c), locale)),
    },
    {
      label: t('ticketAdmin.cond.classes'),
      values: (conditions.customerClasses ?? []).map((c) => t('ticketAdmin.customerClass', { class: c })),
    },
    {
      label: t('ticketAdmin.cond.languages'),
      values: (conditions.languages ?? []).map((l) => (isLocale(l) ? LOCALE_NAMES[l] : String(l))),
    },
    { label: t('ticketAdmin.cond.tags'), values: (conditions.tags ?? []).map(String) },
  ].filter((row) => row.values.length > 0);

  if (rows.length === 0) return <Tag color="blue">{t('ticketAdmin.cond.all')}</Tag>;
  return (
    <Flex vertical gap={2}>
      {rows.map((row) => (
        <div key={row.label}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.label}
            {colon(locale)}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 12 }}>
            {row.values.join(locale === 'en' ? ', ' : '、')}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}
