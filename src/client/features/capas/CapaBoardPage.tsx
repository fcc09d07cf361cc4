import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useSearchParams } from 'react-router';
import { type CapaFilter, useCapaBoard } from '../../api/capas.ts';
import { useCan, useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { CapaBoard } from './CapaBoard.tsx';
import { CapaCreateDrawer } from './CapaCreateDrawer.tsx';
import { CapaFilters } from './CapaFilters.tsx';
import { CapaTable } from './CapaTable.tsx';
import { type CapaPageState, capaStateParams, parseCapaState } from './capa-filters.ts';

/** /capas: the CAPA board by status (or the list), with filters and "New CAPA". */
export default function CapaBoardPage() {
  const t = useT();
  const can = useCan();
  const me = useSession().user;
  const [params, setParams] = useSearchParams();
  const state = parseCapaState(params);
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

  // Read the address as it is now: the router's setter may hand over a stale one.
  const change = (patch: Partial<CapaPageState>) => {
    const current = new URLSearchParams(window.location.search);
    const next = capaStateParams({ ...parseCapaState(current), ...patch });
    setParams(next, { replace: true });
  };
  const setCreating = (open: boolean) => {
    const next = new URLSearchParams(window.location.search);
    if (open) next.set('new', '1');
    else {
      next.delete('new');
      next.delete('complaintId');
    }
    setParams(next, { replace: true });
  };
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
        <CapaFilters
          state={state}
          onChange={change}
          onReset={() => setParams(capaStateParams({ view: state.view }), { replace: true })}
        />
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
