import { EditOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { keyAccountRevoke } from '../../../shared/schemas/key-accounts.ts';
import { type DecisionMaker, type KeyAccountCard, useRevokeKeyAccount } from '../../api/key-accounts.ts';
import { useCan } from '../../api/session.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { formatMoney } from '../../components/money.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CardDrawer } from './CardDrawer.tsx';
import { KeyAccountStatusTag } from './labels.tsx';

function RevokeModal({ card, open, onClose }: { card: KeyAccountCard; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeKeyAccount(card.customerId, card.id);
  const formErrors = useFormErrors();
  return (
    <Modal
      open={open}
      title={t('keyAccounts.revokeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('keyAccounts.revoke')}
      okButtonProps={{ danger: true, ...testIdProps<object>('ka-revoke-submit') }}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('keyAccounts.revokeText')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="key-account-revoke"
        onFinish={(v) =>
          revoke.mutate(v.reason.trim(), {
            onSuccess: () => {
              void message.success(t('keyAccounts.revoked'));
              onClose();
            },
            onError: (error) => formErrors(form, error),
          })
        }
      >
        <Form.Item
          name="reason"
          label={t('keyAccounts.revokeReason')}
          rules={[{ required: true, whitespace: true }, zodRule(keyAccountRevoke.shape.reason)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={1000}
            data-testid="ka-revoke-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DecisionMakerRow = DecisionMaker & { key: number };

const multiline = { whiteSpace: 'pre-wrap', marginBottom: 0 } as const;

/** 大客户管理卡: who looks after the customer, how often they are revisited, its profile and decision makers. */
export function KeyAccountCardView({ card, editable }: { card: KeyAccountCard; editable: boolean }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const fmt = useDateFormat();
  const [editing, setEditing] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const notSet = <Typography.Text type="secondary">{t('keyAccounts.card.notSet')}</Typography.Text>;
  const manage = editable && can('key_account.manage');

  const dmColumns: TableColumnsType<DecisionMakerRow> = [
    { title: t('keyAccounts.dm.name'), dataIndex: 'name', width: 110 },
    { title: t('keyAccounts.dm.jobTitle'), dataIndex: 'title', width: 120 },
    {
      title: t('keyAccounts.dm.role'),
      dataIndex: 'role',
      width: 100,
      render: (role: DecisionMaker['role']) => <Tag>{t(`keyAccounts.role.${role}`)}</Tag>,
    },
    { title: t('keyAccounts.dm.attitude'), dataIndex: 'attitude', width: 140 },
    { title: t('keyAccounts.dm.phone'), dataIndex: 'phone', width: 130 },
    { title: t('keyAccounts.dm.notes'), dataIndex: 'notes' },
  ];

  const nextRevisit = card.nextRevisitOn ? (
    <Flex gap={8} align="center" wrap>
      <Typography.Text type={card.revisitDue ? 'danger' : undefined} strong={card.revisitDue}>
        {card.nextRevisitOn}
      </Typography.Text>
      {card.revisitDue ? (
        <Tag color="red" icon={<WarningOutlined />} data-testid="ka-revisit-due">
          {t('keyAccounts.revisit.due')}
        </Tag>
      ) : null}
    </Flex>
  ) : (
    notSet
  );

  return (
    <Card
      size="small"
      data-testid="ka-card"
      title={
        <Flex gap={8} align="center">
          {t('keyAccounts.card.title')}
          <KeyAccountStatusTag status={card.status} {...(editable ? { testId: 'ka-status' } : {})} />
        </Flex>
      }
      extra={
        manage ? (
          <Flex gap={8}>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="ka-edit"
            >
              {t('keyAccounts.card.edit')}
            </Button>
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              onClick={() => setRevoking(true)}
              data-testid="ka-revoke"
            >
              {t('keyAccounts.revoke')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'specialist',
            label: t('keyAccounts.f.specialist'),
            children: card.specialist?.name ?? (
              <Typography.Text type="secondary">{t('keyAccounts.card.unassigned')}</Typography.Text>
            ),
          },
          {
            key: 'designated',
            label: t('keyAccounts.card.designatedAt'),
            children: card.designatedAt ? fmt.date(card.designatedAt) : notSet,
          },
          {
            key: 'interval',
            label: t('keyAccounts.revisit.interval'),
            children: t('keyAccounts.revisit.every', { n: card.revisitIntervalDays }),
          },
          {
            key: 'last',
            label: t('keyAccounts.revisit.last'),
            children: card.lastRevisitAt ? (
              fmt.dateTime(card.lastRevisitAt)
            ) : (
              <Typography.Text type="secondary">{t('keyAccounts.revisit.never')}</Typography.Text>
            ),
          },
          { key: 'next', label: t('keyAccounts.revisit.next'), children: nextRevisit },
          {
            key: 'volume',
            label: t('keyAccounts.f.annualVolume'),
            children: card.annualVolume === null ? notSet : formatMoney(card.annualVolume, locale),
          },
          ...(card.volumeNotes
            ? [
                {
                  key: 'volumeNotes',
                  label: t('keyAccounts.f.volumeNotes'),
                  children: card.volumeNotes,
                  span: 3,
                },
              ]
            : []),
          {
            key: 'profile',
            label: t('keyAccounts.f.profile'),
            span: 3,
            children: card.profile ? (
              <Typography.Paragraph style={multiline}>{card.profile}</Typography.Paragraph>
            ) : (
              notSet
            ),
          },
          {
            key: 'plan',
            label: t('keyAccounts.f.servicePlan'),
            span: 3,
            children: card.servicePlan ? (
              <Typography.Paragraph style={multiline}>{card.servicePlan}</Typography.Paragraph>
            ) : (
              notSet
            ),
          },
        ]}
      />
      {editable ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('keyAccounts.revisit.hint')}
        </Typography.Text>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('keyAccounts.dm.title')}
      </Typography.Title>
      <Table<DecisionMakerRow>
        size="small"
        columns={dmColumns}
        dataSource={card.decisionMakers.map((d, key) => ({ ...d, key }))}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('keyAccounts.dm.empty') }}
        data-testid="ka-decision-makers"
      />
      {manage ? (
        <>
          <CardDrawer card={card} open={editing} onClose={() => setEditing(false)} />
          <RevokeModal card={card} open={revoking} onClose={() => setRevoking(false)} />
        </>
      ) : null}
    </Card>
  );
}
