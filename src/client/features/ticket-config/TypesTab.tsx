import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Modal, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/session.ts';
import { useTicketTypes } from '../../api/ticket-config.ts';
import { pick } from '../../components/labels.ts';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import styles from './admin.module.css';
import { FieldsPanel } from './FieldsPanel.tsx';
import { TypeForm } from './TypeForm.tsx';

/** Request types on the left; the chosen type's labels and custom fields on the right. */
export function TypesTab() {
  const { t, locale } = useI18n();
  const can = useCan();
  const canManage = can('ticket.configure');
  const types = useTicketTypes();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const select = (id: number) =>
    setParams(
      (p) => {
        p.set('type', String(id));
        return p;
      },
      { replace: true },
    );

  return (
    <LoadState query={types} rows={8}>
      {(all) => {
        const list = [...all].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
        const selected = list.find((x) => x.id === Number(params.get('type'))) ?? list[0];
        const nextOrder = list.length > 0 ? Math.max(...list.map((x) => x.sortOrder)) + 1 : 0;
        return (
          <Row gutter={16}>
            <Col xs={24} lg={8} xxl={6}>
              <Card
                size="small"
                title={t('ticketAdmin.types')}
                style={{ marginBottom: 16 }}
                extra={
                  canManage ? (
                    <Button
                      size="small"
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => setCreating(true)}
                      data-testid="ticket-type-create"
                    >
                      {t('ticketAdmin.typeCreate')}
                    </Button>
                  ) : null
                }
              >
                {list.length === 0 ? <EmptyState text={t('ticketAdmin.typesEmpty')} /> : null}
                <nav aria-label={t('ticketAdmin.types')} data-testid="ticket-type-list">
                  {list.map((type) => (
                    <button
                      type="button"
                      key={type.id}
                      className={`${styles.item} ${type.id === selected?.id ? styles.itemActive : ''}`}
                      aria-current={type.id === selected?.id ? 'true' : undefined}
                      onClick={() => select(type.id)}
                      data-testid={`ticket-type-${type.code}`}
                    >
                      <Flex justify="space-between" align="center" gap={8}>
                        <Typography.Text
                          strong={type.isActive}
                          type={type.isActive ? undefined : 'secondary'}
                        >
                          {pick(type.label, locale)}
                        </Typography.Text>
                        {type.isActive ? null : (
                          <Tag style={{ marginInlineEnd: 0 }}>{t('common.disabled')}</Tag>
                        )}
                      </Flex>
                      <span className={styles.mono} style={{ color: '#98a2b3' }}>
                        {type.code}
                      </span>
                    </button>
                  ))}
                </nav>
              </Card>
            </Col>
            <Col xs={24} lg={16} xxl={18}>
              {selected ? (
                <>
                  <Card
                    title={pick(selected.label, locale)}
                    extra={canManage ? null : <Tag>{t('common.readOnly')}</Tag>}
                    data-testid="ticket-type-editor"
                  >
                    {canManage ? null : (
                      <Alert
                        type="info"
                        showIcon
                        title={t('ticketAdmin.readOnlyHint')}
                        style={{ marginBottom: 16 }}
                      />
                    )}
                    <TypeForm
                      key={`${selected.id}:${JSON.stringify(selected)}`}
                      type={selected}
                      canManage={canManage}
                      nextOrder={nextOrder}
                      onSaved={() => undefined}
                    />
                  </Card>
                  <FieldsPanel key={selected.id} type={selected} canManage={canManage} />
                </>
              ) : (
                <Card>
                  <EmptyState text={t('ticketAdmin.typesEmpty')} />
                </Card>
              )}
            </Col>
            <Modal
              open={creating}
              title={t('ticketAdmin.typeCreate')}
              onCancel={() => setCreating(false)}
              footer={null}
              width={720}
              destroyOnHidden
            >
              <TypeForm
                type={null}
                canManage={canManage}
                nextOrder={nextOrder}
                onSaved={(type) => {
                  setCreating(false);
                  select(type.id);
                }}
              />
            </Modal>
          </Row>
        );
      }}
    </LoadState>
  );
}
