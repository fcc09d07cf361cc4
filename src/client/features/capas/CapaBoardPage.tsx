import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { type CapaFilter, useCapaBoard } from '../../api/capas.ts';
import { useCan, useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/url-filters.ts';
import { useT } from '../../i18n/context.ts';
import { CapaBoard } from './CapaBoard.tsx';
import { CapaCreateDrawer } from './CapaCreateDrawer.tsx';
import { CapaFilters } from './CapaFilters.tsx';
import { CapaTable } from './CapaTable.tsx';
import { CAPA_DEFAULTS, parseCapaState } from './capa-filters.ts';

/** /capas: the CAPA board by status (or the list), with filters and "New CAPA". */
export default function CapaBoardPage() {
  const t = useT();
  const can = useCan();
  const me = useSession().user;
  const {
    params,
    filter: state,
    update: change,
    reset,
    setParams,
  } = useUrlFilters(parseCapaState, CAPA_DEFAULTS);
  const filter: CapaFilter = {
    status: state.view === 'list' ? state.status : undefined,
    source: state.source,
    ownerUserId: state.mine ? me.id : state.ownerUserId,
    overdue: state.overdue,
    q: state.q,
  };
  const board = useCapaBoard(
    { source: filter.source, ownerUserId: filter.ownerUserId, overdue: filter.overdue, q: filter.q },
    state.view === 'board',
  );
  const creating = params.get('new') === '1';
  const complaintId = Number(params.get('complaintId')) || undefined;

  const setCreating = (open: boolean) =>
    setParams(open ? { new: '1' } : { new: undefined, complaintId: undefined });
  const filtered = !!(filter.status || filter.source || filter.ownerUserId || filter.overdue || filter.q);

  return (
    <>
      <PageHeader
        title={t('capas.title')}
        subtitle={t('capas.subtitle')}
        extra={
          can('capa.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="capa-new"
            >
              {t('capas.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <CapaFilters state={state} onChange={change} onReset={() => reset(['view'])} />
        {state.view === 'board' ? (
          <CapaBoard
            board={board.data}
            error={board.error}
            loading={board.isFetching && board.isPlaceholderData}
            onRetry={() => void board.refetch()}
            onShowAll={(status) => change({ view: 'list', status })}
          />
        ) : (
          <CapaTable filter={filter} filtered={filtered} />
        )}
      </Card>
      {can('capa.manage') ? (
        <CapaCreateDrawer open={creating} complaintId={complaintId} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}
