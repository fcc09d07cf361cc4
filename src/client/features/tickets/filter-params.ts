import { useSearchParams } from 'react-router';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import { TICKET_VIEWS, type TicketFilter, type TicketViewName } from '../../api/tickets.ts';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

function parseFilter(params: URLSearchParams): TicketFilter {
  return {
    view: oneOf(TICKET_VIEWS, params.get('view')) ?? ('mine' satisfies TicketViewName),
    status: oneOf(TICKET_STATUSES, params.get('status')),
    priority: oneOf(PRIORITIES, params.get('priority')),
    channel: oneOf(CHANNELS, params.get('channel')),
    typeId: positive(params.get('typeId')),
    assigneeId: positive(params.get('assigneeId')),
    teamId: positive(params.get('teamId')),
    customerId: positive(params.get('customerId')),
    tag: params.get('tag') || undefined,
    q: params.get('q') || undefined,
  };
}

/** The list's view and filters live in the address, so links (and the workbench) can open any of them. */
export function useTicketFilterParams(): [TicketFilter, (patch: Partial<TicketFilter>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params);
  // Read from the address as it is now, not as this render (or react-router's setter) saw it: a view change
  // and a search made in quick succession must both count.
  const update = (patch: Partial<TicketFilter>) => {
    const next = { ...parseFilter(new URLSearchParams(window.location.search)), ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    setParams(search, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams({ view: filter.view }), { replace: true });
  return [filter, update, reset];
}

export function hasFilters(filter: TicketFilter): boolean {
  return Object.entries(filter).some(([key, value]) => key !== 'view' && value !== undefined);
}
