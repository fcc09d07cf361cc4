import {
  CAPA_SOURCES,
  CAPA_STATUSES,
  type CapaSource,
  type CapaStatus,
} from '../../../shared/schemas/capas.ts';
import type { CapaFilter } from '../../api/capas.ts';
import { filterParams, flag, oneOf, positiveId } from '../../components/url-filters.ts';

export type CapaViewMode = 'board' | 'list';

export interface CapaPageState extends CapaFilter {
  view: CapaViewMode;
  mine?: boolean | undefined;
}

/** The board is the default view. */
export const CAPA_DEFAULTS: Partial<CapaPageState> = { view: 'board' };

/** The page's filters live in the address, so a filtered board can be bookmarked and shared. */
export function parseCapaState(params: URLSearchParams): CapaPageState {
  return {
    view: params.get('view') === 'list' ? 'list' : 'board',
    status: oneOf<CapaStatus>(CAPA_STATUSES, params.get('status')),
    source: oneOf<CapaSource>(CAPA_SOURCES, params.get('source')),
    ownerUserId: positiveId(params.get('ownerUserId')),
    mine: flag(params.get('mine')),
    overdue: flag(params.get('overdue')),
    q: params.get('q')?.trim() || undefined,
  };
}

export const capaStateParams = (state: CapaPageState): URLSearchParams => filterParams(state, CAPA_DEFAULTS);
