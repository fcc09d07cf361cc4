import {
  AlertOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlusOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../api/session.ts';
import { type TicketViewName, useTicketCount } from '../../api/tickets.ts';
import { useT } from '../../i18n/context.ts';

const VIEWS: { view: TicketViewName; icon: ReactNode; color: string }[] = [
  { view: 'mine', icon: <UserOutlined />, color: '#1e5bb8' },
  { view: 'unassigned', icon: <InboxOutlined />, color: '#7c3aed' },
  { view: 'due_soon', icon: <FieldTimeOutlined />, color: '#d46b08' },
  { view: 'breached', icon: <AlertOutlined />, color: '#cf1322' },
  { view: 'waiting', icon: <PauseCircleOutlined />, color: '#8c8c8c' },
];

function ViewTile({ view, icon, color }: (typeof VIEWS)[number]) {
  const t = useT();
  const count = useTicketCount(view);
  return (
    <Link to={`/tickets?view=${view}`} data-testid={`workspace-${view}`}>
      <Card hoverable size="small" styles={{ body: { padding: 16 } }}>
        <div style={{ color, fontSize: 20 }}>{icon}</div>
        <div style={{ marginTop: 4 }}>{t(`tickets.view.${view}`)}</div>
        {count.isPending ? (
          <Skeleton.Button active size="small" />
        ) : (
          <Typography.Text strong style={{ fontSize: 24, color }} data-testid={`workspace-count-${view}`}>
            {count.data ? (count.data.more ? '100+' : count.data.count) : '—'}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

/** The workbench's request shortcuts with real counts (a list call per view, capped at 100). */
export function WorkspaceShortcuts() {
  const t = useT();
  const can = useCan();
  if (!can('ticket.read')) return null;
  return (
    <Card title={t('tickets.home.title')} data-testid="workspace-card">
      <Row gutter={[16, 16]}>
        {VIEWS.map((v) => (
          <Col key={v.view} xs={12} md={8} xl={4}>
            <ViewTile {...v} />
          </Col>
        ))}
        {can('ticket.create') || can('call.read') ? (
          <Col xs={12} md={8} xl={4}>
            <Card size="small" styles={{ body: { padding: 16 } }}>
              {can('ticket.create') ? (
                <Link
                  to="/tickets/new"
                  data-testid="workspace-new"
                  style={{ display: 'block', fontSize: 15 }}
                >
                  <PlusOutlined /> {t('tickets.nav.new')}
                </Link>
              ) : null}
              {can('call.read') ? (
                <Link
                  to="/calls"
                  data-testid="workspace-calls"
                  style={{ display: 'block', marginTop: 12, fontSize: 15 }}
                >
                  <PhoneOutlined /> {t('calls.nav')}
                </Link>
              ) : null}
            </Card>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
