import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isLocale } from '../../../shared/locale.ts';
import { useCan, useSession } from '../../api/session.ts';
import { type CannedView, useCannedResponses, useDeleteCanned } from '../../api/ticket-config.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { CannedModal } from './CannedModal.tsx';

/** 快捷回复: shared responses (managed with ticket.configure) and each agent's own. */
export default function CannedResponsesPage() {
  const t = useT();
  const can = useCan();
  const me = useSession();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const canned = useCannedResponses(q);
  const remove = useDeleteCanned();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<CannedView | null | undefined>(undefined);
  const list = canned.data ?? [];
  const categories = [...new Set(list.map((c) => c.category).filter((c): c is string => !!c))].sort();
  const mayEdit = (c: CannedView) => (c.shared ? can('ticket.configure') : c.ownerUserId === me.user.id);

  return (
    <>
      <PageHeader
        title={t('templates.canned.title')}
        subtitle={t('templates.canned.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="canned-create"
          >
            {t('templates.canned.create')}
          </Button>
        }
      />
      <Card>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('templates.canned.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          style={{ maxWidth: 360, marginBottom: 16 }}
          aria-label={t('templates.canned.search')}
          data-testid="canned-search"
        />
        {canned.error ? (
          <ErrorState error={canned.error} onRetry={() => void canned.refetch()} />
        ) : (
          <Table<CannedView>
            rowKey="id"
            loading={canned.isPending || canned.isFetching}
            dataSource={list}
            pagination={list.length > 20 ? { pageSize: 20 } : false}
            data-testid="canned-table"
            locale={{
              emptyText: canned.isPending ? (
                ' '
              ) : (
                <EmptyState text={q ? t('templates.canned.noMatch') : t('templates.canned.empty')} />
              ),
            }}
            columns={[
              {
                title: t('templates.canned.titleLabel'),
                key: 'title',
                width: 260,
                render: (_, c) => (
                  <Flex vertical gap={4} align="flex-start">
                    <Typography.Text strong>{c.title}</Typography.Text>
                    <Flex gap={4} wrap>
                      {c.shared ? (
                        <Tag color="blue">{t('templates.canned.sharedTag')}</Tag>
                      ) : (
                        <Tag>{t('templates.canned.personalTag')}</Tag>
                      )}
                      {c.category ? <Tag variant="filled">{c.category}</Tag> : null}
                      {c.language && isLocale(c.language) ? (
                        <Tag variant="filled">{LOCALE_NAMES[c.language]}</Tag>
                      ) : null}
                    </Flex>
                  </Flex>
                ),
              },
              {
                title: t('templates.canned.body'),
                dataIndex: 'body',
                render: (body: string) => (
                  <Typography.Paragraph
                    ellipsis={{ rows: 3, expandable: 'collapsible' }}
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                  >
                    {body}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 170,
                render: (_, c) =>
                  mayEdit(c) ? (
                    <Flex gap={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(c)}
                        data-testid={`canned-edit-${c.id}`}
                      >
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('common.confirmDelete', { name: c.title })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          remove.mutate(c.id, {
                            onSuccess: () => void message.success(t('common.deleted')),
                            onError: notifyError,
                          })
                        }
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          data-testid={`canned-delete-${c.id}`}
                        >
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('templates.canned.sharedReadOnly')}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {editing !== undefined ? (
        <CannedModal canned={editing} categories={categories} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
