import {
  EditOutlined,
  MailOutlined,
  MessageOutlined,
  PlusOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Flex, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CareRule, useCareRules, useUpdateCareRule } from '../../api/care.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { dash, EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs, useTimeZone } from '../../i18n/format.ts';
import { ClassTag } from '../customers/labels.tsx';
import { CareRuleDrawer } from './CareRuleDrawer.tsx';
import { CareKindTag } from './labels.tsx';

/** When and how the daily job greets, and where the wording is edited. */
function CareHelp() {
  const t = useT();
  const can = useCan();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('care.help.title')}
      data-testid="care-help"
      description={
        <>
          <div>{t('care.help.when')}</div>
          <div style={{ marginTop: 4 }}>{t('care.help.who')}</div>
          <div style={{ marginTop: 4 }}>
            {t('care.help.templates')}{' '}
            {can('settings.read') ? (
              <Link to="/admin/templates" data-testid="care-templates-link">
                {t('care.help.link')}
              </Link>
            ) : null}
          </div>
        </>
      }
    />
  );
}

/** 关怀规则: the greeting rules, switched on and off in place, created and edited in a drawer. */
export function CareRulesTab() {
  const t = useT();
  const can = useCan();
  const zone = useTimeZone();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const rules = useCareRules();
  const update = useUpdateCareRule();
  const [editing, setEditing] = useState<CareRule | null | undefined>(undefined);
  const manage = can('care.manage');
  const today = dayjs().tz(zone).format('YYYY-MM-DD');

  const toggle = (rule: CareRule, isActive: boolean) =>
    update.mutate(
      { id: rule.id, patch: { isActive } },
      { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
    );

  const columns: TableColumnsType<CareRule> = [
    {
      title: t('care.col.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Text strong type={r.isActive ? undefined : 'secondary'}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('care.col.event'),
      dataIndex: 'event',
      width: 130,
      render: (event: string) => <CareKindTag kind={event} />,
    },
    {
      title: t('care.col.when'),
      key: 'when',
      width: 230,
      render: (_, r) => {
        const ahead = r.daysBefore > 0 ? t('care.when.before', { n: r.daysBefore }) : t('care.when.onDay');
        if (r.event !== 'holiday') return ahead;
        const past = r.holidayOn !== null && r.holidayOn < today;
        return (
          <div>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>
              {r.holidayOn ?? '—'} · {ahead}
            </Typography.Text>
            {past && r.isActive ? (
              <div>
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  <WarningOutlined /> {t('care.when.past')}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t('care.col.classes'),
      dataIndex: 'classes',
      width: 170,
      render: (classes: string[]) => (
        <Flex gap={4} wrap>
          {classes.map((c) => (
            <ClassTag key={c} value={c} />
          ))}
        </Flex>
      ),
    },
    {
      title: t('care.col.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (channel: 'email' | 'sms') => (
        <Tag
          icon={channel === 'email' ? <MailOutlined /> : <MessageOutlined />}
          style={{ marginInlineEnd: 0 }}
        >
          {t(`care.channel.${channel}`)}
        </Tag>
      ),
    },
    {
      title: t('care.col.gift'),
      dataIndex: 'gift',
      responsive: ['lg'],
      render: (gift: string | null) => gift ?? dash,
    },
    {
      title: t('care.col.active'),
      dataIndex: 'isActive',
      width: 100,
      render: (isActive: boolean, r) =>
        manage ? (
          <Switch
            size="small"
            checked={isActive}
            loading={update.isPending && update.variables?.id === r.id}
            onChange={(on) => toggle(r, on)}
            aria-label={t('care.f.isActive')}
            data-testid={`care-rule-toggle-${r.id}`}
          />
        ) : (
          <Tag color={isActive ? 'green' : 'default'}>
            {isActive ? t('common.active') : t('common.disabled')}
          </Tag>
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: CareRule) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(r)}
                data-testid={`care-rule-edit-${r.id}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <CareHelp />
      {manage ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="care-rule-create"
          >
            {t('care.rules.create')}
          </Button>
        </Flex>
      ) : null}
      {rules.error ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<CareRule>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rules.data ?? []}
          loading={rules.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="care-rules-table"
          onRow={(r) => ({ 'data-testid': `care-rule-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: rules.isPending ? ' ' : <EmptyState text={t('care.rules.empty')} /> }}
        />
      )}
      {editing !== undefined ? <CareRuleDrawer rule={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
