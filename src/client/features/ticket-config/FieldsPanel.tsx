import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Locale } from '../../../shared/locale.ts';
import type { TicketTypeView } from '../../api/ticket-config.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { LANGUAGE_CODES, pick } from '../../components/labels.ts';
import { movedPositions } from '../../components/reorder.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import styles from './admin.module.css';
import { FieldModal, KIND_KEYS } from './FieldModal.tsx';
import { FieldPreview } from './FieldPreview.tsx';
import { type FieldRow, useFieldStore } from './field-store.ts';

/**
 * The custom fields of one request type and the form they make for agents; with `type === null`, the
 * custom fields of the customer file (客户自定义字段).
 */
export function FieldsPanel({ type, canManage }: { type: TicketTypeView | null; canManage: boolean }) {
  const { t, locale } = useI18n();
  const store = useFieldStore(type?.id ?? null);
  const { fields } = store;
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<FieldRow | null | undefined>(undefined);
  const [showPreview, setShowPreview] = useState(false);
  const [previewLocale, setPreviewLocale] = useState<Locale>(locale);
  const list = [...(fields.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const nextOrder = list.length > 0 ? Math.max(...list.map((f) => f.sortOrder)) + 10 : 10;
  const id = type ? '' : 'customer-';

  const move = async (fieldId: number, direction: -1 | 1) => {
    const positions = list.map((f) => ({ id: f.id, position: f.sortOrder }));
    try {
      for (const change of movedPositions(positions, fieldId, direction))
        await store.update(change.id, { sortOrder: change.position });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card
      size="small"
      title={type ? t('ticketAdmin.fields', { type: pick(type.label, locale) }) : t('customerFields.title')}
      style={type ? { marginTop: 16 } : undefined}
      extra={
        <Flex gap={8}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setShowPreview((v) => !v)}
            disabled={list.length === 0}
            data-testid={`${id}fields-preview-toggle`}
          >
            {t('ticketAdmin.formPreview')}
          </Button>
          {canManage ? (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid={`${id}field-create`}
            >
              {t('ticketAdmin.fieldCreate')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {fields.error ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <Table<FieldRow>
          rowKey="id"
          size="small"
          loading={fields.isPending}
          dataSource={list}
          pagination={false}
          data-testid={type ? 'field-table' : 'customer-fields-table'}
          locale={{
            emptyText: fields.isPending ? (
              ' '
            ) : (
              <EmptyState text={type ? t('ticketAdmin.fieldsEmpty') : t('customerFields.empty')} />
            ),
          }}
          onRow={(field) => ({ 'data-testid': `${id}field-row-${field.key}` }) as object}
          columns={[
            { title: t('ticketAdmin.sortOrder'), dataIndex: 'sortOrder', width: 70 },
            {
              title: t('ticketAdmin.fieldLabel'),
              key: 'label',
              render: (_, f) => (
                <div>
                  <Typography.Text strong type={f.isActive ? undefined : 'secondary'}>
                    {pick(f.label, locale)}
                  </Typography.Text>
                  {f.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                  <div className={styles.mono}>{f.key}</div>
                </div>
              ),
            },
            {
              title: t('ticketAdmin.fieldKind'),
              key: 'kind',
              render: (_, f) => (
                <Flex gap={4} wrap>
                  <Tag>{t(KIND_KEYS[f.kind])}</Tag>
                  {f.kind === 'choice' ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.options.map((o) => pick(o.label, locale)).join(' / ')}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 90,
              render: (_, f) => (
                <Switch
                  size="small"
                  checked={f.isActive}
                  disabled={!canManage}
                  loading={store.updatingId === f.id}
                  checkedChildren={t('common.active')}
                  unCheckedChildren={t('common.disabled')}
                  onChange={(isActive) => void store.update(f.id, { isActive }).catch(notifyError)}
                  data-testid={`${id}field-active-${f.key}`}
                />
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: canManage ? 150 : 90,
              render: (_, f, index) => (
                <Flex gap={2} align="center">
                  {canManage ? (
                    <>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('customerFields.moveUp')}
                        title={t('customerFields.moveUp')}
                        onClick={() => void move(f.id, -1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={index === list.length - 1}
                        aria-label={t('customerFields.moveDown')}
                        title={t('customerFields.moveDown')}
                        onClick={() => void move(f.id, 1)}
                      />
                    </>
                  ) : null}
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(f)}
                    data-testid={`${id}field-edit-${f.key}`}
                  >
                    {canManage ? t('common.edit') : t('ticketAdmin.view')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      {showPreview && list.length > 0 ? (
        <div style={{ marginTop: 16 }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
            <Typography.Text strong>
              {type ? t('ticketAdmin.formPreviewTitle') : t('customerFields.formPreviewTitle')}
            </Typography.Text>
            <Segmented
              size="small"
              value={previewLocale}
              onChange={(v) => setPreviewLocale(v as Locale)}
              options={LANGUAGE_CODES.map((c) => ({ value: c, label: LOCALE_NAMES[c] }))}
            />
          </Flex>
          <FieldPreview fields={list.filter((f) => f.isActive)} locale={previewLocale} />
        </div>
      ) : null}
      {editing !== undefined ? (
        <FieldModal
          open
          typeId={type?.id ?? null}
          field={editing}
          nextOrder={nextOrder}
          canManage={canManage}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Card>
  );
}
