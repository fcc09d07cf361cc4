import {
  CAPA_SOURCES,
  CAPA_STATUSES,
  type CapaSource,
  type CapaStatus,
} from '../../../shared/schemas/capas.ts';
import type { CapaFilter } from '../../api/capas.ts';

export type CapaViewMode = 'board' | 'list';

export interface CapaPageState extends CapaFilter {
  view: CapaViewMode;
  mine?: boolean | undefined;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The page's filters live in the address, so a filtered board can be bookmarked and shared. */
export function parseCapaState(params: URLSearchParams): CapaPageState {
  const owner = Number(params.get('ownerUserId'));
  return {
    view: params.get('view') === 'list' ? 'list' : 'board',
    status: oneOf<CapaStatus>(CAPA_STATUSES, params.get('status')),
    source: oneOf<CapaSource>(CAPA_SOURCES, params.get('source')),
    ownerUserId: Number.isInteger(owner) && owner > 0 ? owner : undefined,
    mine: params.get('mine') === 'true' || undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

export function capaStateParams(state: CapaPageState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (key === 'view' && value === 'board') continue;
    if (value !== undefined && value !== false && value !== '') search.set(key, String(value));
  }
  return search;
}
