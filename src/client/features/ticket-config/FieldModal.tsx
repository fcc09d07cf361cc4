import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Segmented,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Locale } from '../../../shared/locale.ts';
import { FIELD_KINDS, fieldCreate } from '../../../shared/schemas/ticket-config.ts';
import type { FieldInput } from '../../api/ticket-config.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { cleanLabel, LocalisedInputs } from '../../components/LocalisedInputs.tsx';
import { LANGUAGE_CODES } from '../../components/labels.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n, useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { FieldPreview, type PreviewField } from './FieldPreview.tsx';
import { type FieldRow, useFieldStore } from './field-store.ts';

export const KIND_KEYS: Record<FieldInput['kind'], MessageKey> = {
  text: 'ticketAdmin.kind.text',
  number: 'ticketAdmin.kind.number',
  date: 'ticketAdmin.kind.date',
  choice: 'ticketAdmin.kind.choice',
};

type Values = Omit<FieldInput, 'options'> & { options?: FieldInput['options'] };

/**
 * Create (field === null) or edit a custom field of a request type, or of the customer file when
 * `typeId` is null, with a live preview.
 */
export function FieldModal({
  open,
  typeId,
  field,
  nextOrder,
  canManage,
  onClose,
}: {
  open: boolean;
  typeId: number | null;
  field: FieldRow | null;
  nextOrder: number;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [previewLocale, setPreviewLocale] = useState<Locale>(locale);
  const store = useFieldStore(typeId);
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const kind = watched?.kind ?? field?.kind ?? 'text';

  const preview: PreviewField = {
    key: watched?.key ?? '',
    kind,
    required: watched?.required ?? false,
    label: watched?.label ?? {},
    options: (watched?.options ?? []).filter(Boolean),
  };

  const submit = (values: Values) => {
    const body = {
      label: cleanLabel(values.label),
      kind: values.kind,
      options:
        values.kind === 'choice'
          ? (values.options ?? []).map((o) => ({ value: o.value.trim(), label: cleanLabel(o.label) }))
          : [],
      required: values.required,
      sortOrder: values.sortOrder,
      isActive: values.isActive,
    };
    const saved = field ? store.update(field.id, body) : store.create({ ...body, key: values.key.trim() });
    saved.then(
      () => {
        void message.success(field ? t('common.saved') : t('common.created'));
        onClose();
      },
      (error: unknown) => formErrors(form, error),
    );
  };

  return (
    <Modal
      open={open}
      width={920}
      title={field ? t('ticketAdmin.fieldEdit') : t('ticketAdmin.fieldCreate')}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canManage ? (
            <Button
              type="primary"
              onClick={() => form.submit()}
              loading={store.saving}
              data-testid="field-save"
            >
              {t('common.save')}
            </Button>
          ) : null}
        </Flex>
      }
      destroyOnHidden
    >
      <Row gutter={24}>
        <Col xs={24} md={15}>
          <Form<Values>
            form={form}
            layout="vertical"
            name={typeId === null ? 'customer-field' : 'ticket-field'}
            disabled={!canManage}
            onFinish={submit}
            initialValues={
              field
                ? { ...field }
                : { kind: 'text', required: false, isActive: true, sortOrder: nextOrder, options: [] }
            }
          >
            <Flex gap={12} wrap>
              <Form.Item
                name="key"
                label={t('ticketAdmin.fieldKey')}
                extra={field ? undefined : t('ticketAdmin.fieldKeyHint')}
                rules={[{ required: true }, zodRule(fieldCreate.shape.key, t('ticketAdmin.codeInvalid'))]}
                style={{ flex: '1 1 200px' }}
              >
                <Input maxLength={41} disabled={!!field} placeholder="serial_no" data-testid="field-key" />
              </Form.Item>
              <Form.Item name="sortOrder" label={t('ticketAdmin.sortOrder')} style={{ flex: '0 1 120px' }}>
                <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <LocalisedInputs name={['label']} label={t('ticketAdmin.fieldLabel')} testId="field-label" />
            <Form.Item name="kind" label={t('ticketAdmin.fieldKind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                data-testid="field-kind"
                options={FIELD_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
              />
            </Form.Item>
            {kind === 'choice' ? <OptionsEditor /> : null}
            <Flex gap={24}>
              <Form.Item name="required" label={t('ticketAdmin.fieldRequired')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
                <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
              </Form.Item>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} md={9}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
            <Typography.Text strong>{t('ticketAdmin.preview')}</Typography.Text>
            <Segmented
              size="small"
              value={previewLocale}
              onChange={(v) => setPreviewLocale(v as Locale)}
              options={LANGUAGE_CODES.map((c) => ({ value: c, label: LOCALE_NAMES[c] }))}
            />
          </Flex>
          <FieldPreview fields={[preview]} locale={previewLocale} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {typeId === null ? t('customerFields.previewHint') : t('ticketAdmin.previewHint')}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Modal>
  );
}

/** The choices of a choice field: a stored value and its label in three languages. */
function OptionsEditor() {
  const t = useT();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_rule, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('ticketAdmin.optionsRequired'));
          },
        },
      ]}
    >
      {(items, { add, remove }, { errors }) => (
        <Form.Item label={t('ticketAdmin.options')} required>
          <Flex vertical gap={8} data-testid="field-options">
            {items.map((item) => (
              <Flex key={item.key} gap={6} align="flex-start">
                <Form.Item
                  name={[item.name, 'value']}
                  rules={[{ required: true, whitespace: true, message: t('ticketAdmin.optionValue') }]}
                  style={{ marginBottom: 0, width: 110 }}
                >
                  <Input placeholder={t('ticketAdmin.optionValue')} maxLength={50} />
                </Form.Item>
                {LANGUAGE_CODES.map((code) => (
                  <Form.Item
                    key={code}
                    name={[item.name, 'label', code]}
                    rules={code === 'zh-CN' ? [{ required: true, whitespace: true, message: ' ' }] : []}
                    style={{ marginBottom: 0, flex: 1 }}
                  >
                    <Input placeholder={LOCALE_NAMES[code]} maxLength={100} />
                  </Form.Item>
                ))}
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(item.name)}
                  aria-label={t('common.delete')}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ value: '', label: { 'zh-CN': '', 'zh-TW': '', en: '' } })}
              data-testid="field-option-add"
            >
              {t('ticketAdmin.optionAdd')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
