import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type ApiToken, useApiTokens, useRevokeApiToken } from '../../api/tokens.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';

type Status = 'active' | 'expired' | 'revoked';

function statusOf(token: ApiToken): Status {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<Status, string> = { active: 'success', expired: 'default', revoked: 'error' };

export default function ApiTokensPage() {
  const t = useT();
  const fmt = useDateFormat();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <Card>
        <LoadState query={tokens}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState text={t('tokens.empty')} />
            ) : (
              <Table<ApiToken>
                rowKey="id"
                dataSource={list}
                pagination={false}
                data-testid="tokens-table"
                columns={[
                  {
                    title: t('tokens.name'),
                    dataIndex: 'name',
                    render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
                  },
                  {
                    title: t('tokens.prefix'),
                    dataIndex: 'tokenPrefix',
                    render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
                  },
                  {
                    title: t('tokens.createdAt'),
                    dataIndex: 'createdAt',
                    render: (at: string) => fmt.dateTime(at),
                  },
                  {
                    title: t('tokens.lastUsed'),
                    dataIndex: 'lastUsedAt',
                    render: (at: string | null) => (at ? fmt.dateTime(at) : t('common.never')),
                  },
                  {
                    title: t('tokens.expiresAt'),
                    dataIndex: 'expiresAt',
                    render: (at: string | null) => (at ? fmt.dateTime(at) : t('tokens.never')),
                  },
                  {
                    title: t('tokens.status'),
                    key: 'status',
                    render: (_, token) => {
                      const status = statusOf(token);
                      return <Tag color={STATUS_COLOR[status]}>{t(`tokens.${status}`)}</Tag>;
                    },
                  },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_, token) =>
                      statusOf(token) === 'active' ? (
                        <Popconfirm
                          title={t('tokens.revokeConfirm', { name: token.name })}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            revoke.mutate(token.id, {
                              onSuccess: () => void message.success(t('tokens.revoked.done')),
                              onError: notifyError,
                            })
                          }
                        >
                          <Button type="link" danger size="small">
                            {t('tokens.revoke')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
            )
          }
        </LoadState>
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
