import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Progress, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { isLocale } from '../../../shared/locale.ts';
import { type TeamView, useTeams } from '../../api/assignment.ts';
import { useCan } from '../../api/session.ts';
import { colon } from '../../components/labels.ts';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { TeamDrawer } from './TeamDrawer.tsx';

type Member = TeamView['members'][number];

/** Teams with each member's skills, languages, availability and open workload. */
export function TeamsTab() {
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('ticket.configure');
  const teams = useTeams();
  const [editing, setEditing] = useState<TeamView | null | undefined>(undefined);
  const skillOptions = [
    ...new Set((teams.data ?? []).flatMap((team) => team.members.flatMap((m) => m.skills))),
  ].sort();

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('ticketAdmin.team.hint')}</Typography.Text>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="team-create"
          >
            {t('ticketAdmin.team.create')}
          </Button>
        ) : null}
      </Flex>
      <LoadState query={teams} rows={6}>
        {(list) =>
          list.length === 0 ? (
            <Card>
              <EmptyState text={t('ticketAdmin.team.empty')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              {list.map((team) => (
                <Col key={team.id} xs={24} xl={12}>
                  <TeamCard team={team} canManage={canManage} onEdit={() => setEditing(team)} />
                </Col>
              ))}
            </Row>
          )
        }
      </LoadState>
      {editing !== undefined ? (
        <TeamDrawer team={editing} skillOptions={skillOptions} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}

function TeamCard({ team, canManage, onEdit }: { team: TeamView; canManage: boolean; onEdit: () => void }) {
  const { t, locale } = useI18n();
  const lead = team.members.find((m) => m.userId === team.leadUserId);
  const busiest = Math.max(1, ...team.members.map((m) => m.openTickets));
  const open = team.members.reduce((n, m) => n + m.openTickets, 0);
  const away = team.members.filter((m) => m.isAway).length;
  return (
    <Card
      size="small"
      data-testid={`team-${team.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{team.name}</span>
          <Tag variant="filled">{t('ticketAdmin.team.memberCount', { count: team.members.length })}</Tag>
          {away > 0 ? <Tag color="orange">{t('ticketAdmin.team.awayCount', { count: away })}</Tag> : null}
        </Flex>
      }
      extra={
        canManage ? (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`team-edit-${team.id}`}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Flex gap={16} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('ticketAdmin.team.lead')}
          {colon(locale)}
          {lead?.displayName ?? (team.leadUserId ? `#${team.leadUserId}` : '—')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('ticketAdmin.team.openTotal', { count: open })}</Typography.Text>
      </Flex>
      {team.description ? <Typography.Paragraph>{team.description}</Typography.Paragraph> : null}
      <Table<Member>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={team.members}
        locale={{ emptyText: <EmptyState text={t('ticketAdmin.team.noMembers')} /> }}
        columns={[
          {
            title: t('ticketAdmin.team.member'),
            key: 'name',
            render: (_, m) => (
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong={m.userId === team.leadUserId}>{m.displayName}</Typography.Text>
                {m.isAway ? <Tag color="orange">{t('ticketAdmin.team.isAway')}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: t('ticketAdmin.team.skills'),
            key: 'skills',
            render: (_, m) => (
              <Flex gap={4} wrap>
                {m.skills.map((s) => (
                  <Tag key={s} style={{ marginInlineEnd: 0 }}>
                    {s}
                  </Tag>
                ))}
                {m.languages.map((l) => (
                  <Tag key={l} color="geekblue" style={{ marginInlineEnd: 0 }}>
                    {isLocale(l) ? LOCALE_NAMES[l] : l}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('ticketAdmin.team.workload'),
            key: 'load',
            width: 150,
            render: (_, m) => (
              <Tooltip title={t('ticketAdmin.team.openTickets', { count: m.openTickets })}>
                <Flex align="center" gap={8} data-testid={`workload-${m.userId}`}>
                  <Progress
                    percent={Math.round((m.openTickets / busiest) * 100)}
                    showInfo={false}
                    size="small"
                    style={{ flex: 1, margin: 0 }}
                  />
                  <Typography.Text style={{ minWidth: 20, textAlign: 'end' }}>
                    {m.openTickets}
                  </Typography.Text>
                </Flex>
              </Tooltip>
            ),
          },
        ]}
      />
    </Card>
  );
}
