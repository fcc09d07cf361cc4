import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Locale } from '../../../shared/locale.ts';
import { type FieldView, type TicketTypeView, useTypeFields } from '../../api/ticket-admin.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import styles from './admin.module.css';
import { FieldModal, KIND_KEYS } from './FieldModal.tsx';
import { FieldPreview } from './FieldPreview.tsx';
import { LANGUAGE_CODES, pick } from './labels.ts';

/** The custom fields of one request type, and the form they make for agents. */
export function FieldsPanel({ type, canManage }: { type: TicketTypeView; canManage: boolean }) {
  const { t, locale } = useI18n();
  const fields = useTypeFields(type.id);
  const [editing, setEditing] = useState<FieldView | null | undefined>(undefined);
  const [showPreview, setShowPreview] = useState(false);
  const [previewLocale, setPreviewLocale] = useState<Locale>(locale);
  const list = [...(fields.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const nextOrder = list.length > 0 ? Math.max(...list.map((f) => f.sortOrder)) + 10 : 10;

  return (
    <Card
      size="small"
      title={t('ticketAdmin.fields', { type: pick(type.label, locale) })}
      style={{ marginTop: 16 }}
      extra={
        <Flex gap={8}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setShowPreview((v) => !v)}
            disabled={list.length === 0}
            data-testid="fields-preview-toggle"
          >
            {t('ticketAdmin.formPreview')}
          </Button>
          {canManage ? (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="field-create"
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
        <Table<FieldView>
          rowKey="id"
          size="small"
          loading={fields.isPending}
          dataSource={list}
          pagination={false}
          data-testid="field-table"
          locale={{ emptyText: fields.isPending ? ' ' : <EmptyState text={t('ticketAdmin.fieldsEmpty')} /> }}
          onRow={(field) => ({ 'data-testid': `field-row-${field.key}` }) as object}
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
              render: (_, f) =>
                f.isActive ? (
                  <Tag color="green">{t('common.active')}</Tag>
                ) : (
                  <Tag>{t('common.disabled')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, f) => (
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(f)}
                  data-testid={`field-edit-${f.key}`}
                >
                  {canManage ? t('common.edit') : t('ticketAdmin.view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {showPreview && list.length > 0 ? (
        <div style={{ marginTop: 16 }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
            <Typography.Text strong>{t('ticketAdmin.formPreviewTitle')}</Typography.Text>
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
          typeId={type.id}
          field={editing}
          nextOrder={nextOrder}
          canManage={canManage}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Card>
  );
}
