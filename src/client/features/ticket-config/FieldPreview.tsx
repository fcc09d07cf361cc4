import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Locale } from '../../../shared/locale.ts';
import type { FieldInput } from '../../api/ticket-config.ts';
import { pick } from '../../components/labels.ts';
import { useT } from '../../i18n/context.ts';
import styles from './admin.module.css';

export type PreviewField = Pick<FieldInput, 'key' | 'kind' | 'required'> & {
  label: Partial<FieldInput['label']>;
  options: { value: string; label: Partial<FieldInput['label']> }[];
};

function Control({ field, locale }: { field: PreviewField; locale: Locale }) {
  const t = useT();
  switch (field.kind) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} placeholder="0" />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'choice':
      return (
        <Select
          allowClear
          placeholder={t('ticketAdmin.previewChoose')}
          options={field.options
            .filter((o) => o?.value)
            .map((o) => ({ value: o.value, label: pick(o.label, locale) || o.value }))}
        />
      );
    default:
      return <Input />;
  }
}

/**
 * How custom fields look on the request form, in the chosen language: a working (but unsaved) form, so
 * the administrator can try the choices and the date picker.
 */
export function FieldPreview({ fields, locale }: { fields: PreviewField[]; locale: Locale }) {
  const t = useT();
  return (
    <div className={styles.preview} data-testid="field-preview">
      {fields.length === 0 ? (
        <Typography.Text type="secondary">{t('ticketAdmin.previewEmpty')}</Typography.Text>
      ) : (
        <Form component={false} layout="vertical">
          {fields.map((field, index) => (
            <Form.Item
              key={field.key || 'unnamed'}
              label={pick(field.label, locale) || field.key || t('ticketAdmin.previewUnnamed')}
              required={field.required}
              style={{ marginBottom: index === fields.length - 1 ? 0 : 16 }}
            >
              <Control field={field} locale={locale} />
            </Form.Item>
          ))}
        </Form>
      )}
    </div>
  );
}
