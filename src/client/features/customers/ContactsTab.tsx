import { EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type ContactView, type CustomerDetail, useInviteContact } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { ContactDrawer } from './ContactDrawer.tsx';
import { useCustomerLabels } from './labels.tsx';

const PORTAL_COLORS = { none: 'default', invited: 'orange', active: 'green', disabled: 'red' } as const;
const none = <Typography.Text type="secondary">—</Typography.Text>;

/** 联系人: the people at the customer, how to reach them, and their portal access. */
export function ContactsTab({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const labels = useCustomerLabels();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const invite = useInviteContact();
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const writable = can('customer.update') && customer.mergedIntoId === null;

  const sendInvite = (contact: ContactView) =>
    modal.confirm({
      title: t('customers.contact.inviteConfirm', { name: contact.name, email: contact.email ?? '' }),
      content: t('customers.contact.inviteText'),
      okText: t('customers.contact.invite'),
      onOk: () =>
        invite
          .mutateAsync(contact.id)
          .then(() => void message.success(t('customers.contact.invited')))
          .catch(notifyError),
    });

  const columns: TableColumnsType<ContactView> = [
    {
      title: t('customers.contact.name'),
      key: 'name',
      render: (_, c) => (
        <div>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong delete={!c.isActive}>
              {c.name}
            </Typography.Text>
            {c.isPrimary ? <Tag color="blue">{t('customers.contact.primary')}</Tag> : null}
            {c.isActive ? null : <Tag>{t('customers.contact.inactive')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[c.title, c.department].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('customers.contact.phones'),
      key: 'phones',
      render: (_, c) =>
        c.mobile || c.phone ? (
          <Flex vertical>
            {c.mobile ? <span>{c.mobile}</span> : null}
            {c.phone ? <Typography.Text type="secondary">{c.phone}</Typography.Text> : null}
          </Flex>
        ) : (
          none
        ),
    },
    {
      title: t('customers.contact.email'),
      dataIndex: 'email',
      render: (email: string | null) => email ?? none,
    },
    {
      title: t('customers.contact.wechat'),
      dataIndex: 'wechat',
      responsive: ['xl'],
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('customers.contact.birthday'),
      dataIndex: 'birthday',
      responsive: ['lg'],
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('customers.contact.preferredChannel'),
      dataIndex: 'preferredChannel',
      responsive: ['lg'],
      render: (v: string | null) => (v ? labels.channel(v) : none),
    },
    {
      title: t('customers.contact.portal'),
      dataIndex: 'portalStatus',
      render: (s: ContactView['portalStatus']) => (
        <Tag color={PORTAL_COLORS[s]} data-testid="contact-portal-status" data-status={s}>
          {t(`customers.contact.portal.${s}`)}
        </Tag>
      ),
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, c: ContactView) => (
              <Flex gap={4}>
                <Tooltip title={t('customers.contact.edit')}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(c)}
                    aria-label={t('customers.contact.edit')}
                    data-testid={`contact-edit-${c.id}`}
                  />
                </Tooltip>
                {c.email && c.portalStatus === 'none' ? (
                  <Button
                    size="small"
                    icon={<SendOutlined />}
                    loading={invite.isPending && invite.variables === c.id}
                    onClick={() => sendInvite(c)}
                    data-testid={`contact-invite-${c.id}`}
                  >
                    {t('customers.contact.invite')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="customer-contacts">
      {writable ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-add">
            {t('customers.contact.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<ContactView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={customer.contacts}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(c) => ({ 'data-testid': `contact-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: (
            <EmptyState text={t('customers.contact.empty')}>
              {writable ? (
                <Button icon={<PlusOutlined />} type="link" onClick={() => setEditing('new')}>
                  {t('customers.contact.add')}
                </Button>
              ) : null}
            </EmptyState>
          ),
        }}
      />
      <ContactDrawer
        customerId={customer.id}
        contact={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
