import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import { TICKET_VIEWS, type TicketFilter, type TicketViewName } from '../../api/tickets.ts';
import { oneOf, positiveId, useUrlFilters } from '../../components/url-filters.ts';

function parseFilter(params: URLSearchParams): TicketFilter {
  return {
    view: oneOf(TICKET_VIEWS, params.get('view')) ?? ('mine' satisfies TicketViewName),
    status: oneOf(TICKET_STATUSES, params.get('status')),
    priority: oneOf(PRIORITIES, params.get('priority')),
    channel: oneOf(CHANNELS, params.get('channel')),
    typeId: positiveId(params.get('typeId')),
    assigneeId: positiveId(params.get('assigneeId')),
    teamId: positiveId(params.get('teamId')),
    customerId: positiveId(params.get('customerId')),
    tag: params.get('tag') || undefined,
    q: params.get('q') || undefined,
  };
}

/** The list's view and filters live in the address, so links (and the workbench) can open any of them. */
export function useTicketFilterParams(): [TicketFilter, (patch: Partial<TicketFilter>) => void, () => void] {
  const { filter, update, reset } = useUrlFilters(parseFilter);
  return [filter, update, () => reset(['view'])];
}

export function hasFilters(filter: TicketFilter): boolean {
  return Object.entries(filter).some(([key, value]) => key !== 'view' && value !== undefined);
}
