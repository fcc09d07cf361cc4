import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { FieldView } from '../../api/tickets-lookups.ts';
import { useI18n } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { localisedText } from './labels.ts';

/** A field definition as the form needs it: a request type's, or the customer file's (no type). */
type FieldDefinition = Omit<FieldView, 'typeId'>;

/**
 * Form items for custom fields (a request type's or the customer file's), under `customFields.<key>`;
 * dates travel as 'YYYY-MM-DD'. Each input's test id is `<testIdPrefix><key>`.
 */
export function CustomFieldInputs({
  fields,
  disabled,
  testIdPrefix = 'custom-field-',
}: {
  fields: FieldDefinition[];
  disabled?: boolean;
  testIdPrefix?: string;
}) {
  const { locale, t } = useI18n();
  return (
    <>
      {fields.map((f) => {
        const name = ['customFields', f.key];
        const label = localisedText(f.label, locale);
        const rules = f.required ? [{ required: true, message: t('tickets.field.required', { label }) }] : [];
        const testId = `${testIdPrefix}${f.key}`;
        if (f.kind === 'number')
          return (
            <Form.Item key={f.id} name={name} label={label} rules={rules}>
              <InputNumber style={{ width: '100%' }} disabled={disabled} data-testid={testId} />
            </Form.Item>
          );
        if (f.kind === 'date')
          return (
            <Form.Item
              key={f.id}
              name={name}
              label={label}
              rules={rules}
              getValueProps={(value: string | null | undefined) => ({ value: value ? dayjs(value) : null })}
              normalize={(value: { format: (f: string) => string } | null) =>
                value ? value.format('YYYY-MM-DD') : null
              }
            >
              <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid={testId} />
            </Form.Item>
          );
        if (f.kind === 'choice')
          return (
            <Form.Item key={f.id} name={name} label={label} rules={rules}>
              <Select
                allowClear
                disabled={disabled}
                options={f.options.map((o) => ({ value: o.value, label: localisedText(o.label, locale) }))}
                data-testid={testId}
              />
            </Form.Item>
          );
        return (
          <Form.Item key={f.id} name={name} label={label} rules={rules}>
            <Input maxLength={2000} disabled={disabled} data-testid={testId} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** Form values → the API's custom field map (empty text means "not set"). */
export function customFieldPayload(
  fields: FieldDefinition[],
  values: Record<string, string | number | null | undefined> | undefined,
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const f of fields) {
    const v = values?.[f.key];
    out[f.key] = v === undefined || v === '' ? null : v;
  }
  return out;
}
