import { ClockCircleOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CapaBoard as Board, CapaStatus, CapaView } from '../../api/capas.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';

function CapaCard({ capa }: { capa: CapaView }) {
  const t = useT();
  return (
    <Link to={`/capas/${capa.id}`} style={{ display: 'block' }} data-testid={`capa-card-${capa.number}`}>
      <Card size="small" hoverable styles={{ body: { padding: 10 } }}>
        <Flex justify="space-between" gap={6} align="baseline">
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {capa.number}
          </Typography.Text>
          {capa.overdueActions > 0 ? (
            <Tag
              color="red"
              icon={<WarningOutlined />}
              style={{ marginInlineEnd: 0 }}
              data-testid={`capa-card-overdue-${capa.number}`}
            >
              {t('capas.card.overdue', { n: capa.overdueActions })}
            </Tag>
          ) : null}
        </Flex>
        <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
          {capa.title}
        </Typography.Paragraph>
        <Flex justify="space-between" gap={6} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <UserOutlined /> {capa.owner?.name ?? t('capas.card.noOwner')}
          </Typography.Text>
          {capa.dueDate ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ClockCircleOutlined /> {capa.dueDate}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </Link>
  );
}

/**
 * One column per status, proposed to closed; the closed column holds the most recently closed reports and
 * links to the full (filtered) list.
 */
export function CapaBoard({
  board,
  error,
  loading,
  onRetry,
  onShowAll,
}: {
  board: Board | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  onShowAll: (status: CapaStatus) => void;
}) {
  const t = useT();
  if (error && !board) return <ErrorState error={error} onRetry={onRetry} />;
  if (!board) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div style={{ overflowX: 'auto', opacity: loading ? 0.6 : 1 }} data-testid="capa-board">
      <Flex gap={12} align="flex-start" style={{ minWidth: 5 * 230 }}>
        {board.columns.map((column) => (
          <div
            key={column.status}
            style={{ flex: '1 1 0', minWidth: 220, background: '#f5f5f5', borderRadius: 8, padding: 8 }}
            data-testid={`capa-column-${column.status}`}
          >
            <Flex justify="space-between" align="center" style={{ marginBottom: 8, padding: '0 4px' }}>
              <Typography.Text strong>{t(`capas.status.${column.status}`)}</Typography.Text>
              <Badge count={column.total} showZero color="#8c8c8c" overflowCount={999} />
            </Flex>
            <Flex vertical gap={8}>
              {column.items.length === 0 ? (
                <Typography.Text type="secondary" style={{ padding: '8px 4px', fontSize: 12 }}>
                  {t('capas.board.empty')}
                </Typography.Text>
              ) : (
                column.items.map((capa) => <CapaCard key={capa.id} capa={capa} />)
              )}
              {column.total > column.items.length ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onShowAll(column.status)}
                  data-testid={`capa-column-more-${column.status}`}
                >
                  {t('capas.board.more', { n: column.total })}
                </Button>
              ) : null}
            </Flex>
          </div>
        ))}
      </Flex>
      {board.dismissed > 0 ? (
        <Button type="link" size="small" onClick={() => onShowAll('dismissed')} style={{ marginTop: 8 }}>
          {t('capas.board.dismissed', { n: board.dismissed })}
        </Button>
      ) : null}
    </div>
  );
}
