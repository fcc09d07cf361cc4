import { Descriptions, Tag, Typography } from 'antd';
import type { Locale } from '../../../shared/locale.ts';
import { type CustomerFieldView, useCustomerFields } from '../../api/customers-fields.ts';
import { pick } from '../../components/labels.ts';
import { useI18n } from '../../i18n/context.ts';

/** One stored value as a reader sees it: a choice by its label, a number in the reader's format. */
function display(field: CustomerFieldView, value: unknown, locale: Locale): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field.kind === 'choice') {
    const option = field.options.find((o) => o.value === value);
    return option ? pick(option.label, locale) || option.value : String(value);
  }
  if (field.kind === 'number' && typeof value === 'number') return value.toLocaleString(locale);
  return String(value);
}

/**
 * 自定义字段 on the 档案 tab: every active field, labelled in the reader's language, and any value still
 * kept for a field that has since been switched off. Nothing when no field is defined.
 */
export function ProfileCustomFields({ values }: { values: Record<string, unknown> }) {
  const { t, locale } = useI18n();
  const fields = useCustomerFields();
  const shown = [...(fields.data ?? [])]
    .filter((f) => f.isActive || display(f, values[f.key], locale) !== null)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  if (shown.length === 0) return null;
  return (
    <Descriptions
      title={t('customerFields.section')}
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 20 }}
      styles={{ label: { width: 150 } }}
      data-testid="customer-profile-custom"
      items={shown.map((f) => {
        const text = display(f, values[f.key], locale);
        return {
          key: f.key,
          label: (
            <>
              {pick(f.label, locale)}
              {f.isActive ? null : <Tag style={{ marginInlineStart: 6 }}>{t('customerFields.inactive')}</Tag>}
            </>
          ),
          children:
            text === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <span data-testid={`customer-profile-custom-${f.key}`}>{text}</span>
            ),
        };
      })}
    />
  );
}
