import { useSearchParams } from 'react-router';
import { CREDIT_LEVELS, CUSTOMER_CLASSES, LIFECYCLES } from '../../../shared/schemas/customers.ts';
import {
  CUSTOMER_SORTS,
  CUSTOMER_VIEWS,
  type CustomerFilter,
  type CustomerSort,
  type CustomerViewName,
} from '../../api/customers.ts';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};
const CLASS_FILTERS = [...CUSTOMER_CLASSES, 'none'] as const;

function parse(params: URLSearchParams): CustomerFilter {
  return {
    view: oneOf(CUSTOMER_VIEWS, params.get('view')) ?? ('all' satisfies CustomerViewName),
    sort: oneOf(CUSTOMER_SORTS, params.get('sort')) ?? ('newest' satisfies CustomerSort),
    q: params.get('q') || undefined,
    class: oneOf(CLASS_FILTERS, params.get('class')),
    creditLevel: oneOf(CREDIT_LEVELS, params.get('creditLevel')),
    lifecycle: oneOf(LIFECYCLES, params.get('lifecycle')),
    region: params.get('region') || undefined,
    industry: params.get('industry') || undefined,
    tag: params.get('tag') || undefined,
    ownerUserId: positive(params.get('ownerUserId')),
    advisorUserId: positive(params.get('advisorUserId')),
  };
}

/** The list's view, filters and order live in the address, so a filtered list can be bookmarked or shared. */
export function useCustomerFilterParams(): [
  CustomerFilter,
  (patch: Partial<CustomerFilter>) => void,
  () => void,
] {
  const [params, setParams] = useSearchParams();
  const filter = parse(params);
  // From the address as it is now, not as this render saw it: two quick changes in a row both count.
  const update = (patch: Partial<CustomerFilter>) => {
    const next = { ...parse(new URLSearchParams(window.location.search)), ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === null || value === '') continue;
      if ((key === 'view' && value === 'all') || (key === 'sort' && value === 'newest')) continue;
      search.set(key, String(value));
    }
    setParams(search, { replace: true });
  };
  const reset = () => {
    const search = new URLSearchParams();
    if (filter.view !== 'all') search.set('view', filter.view);
    setParams(search, { replace: true });
  };
  return [filter, update, reset];
}

/** Whether anything beyond the view and the order narrows the list. */
export function hasFilters(filter: CustomerFilter): boolean {
  return Object.entries(filter).some(
    ([key, value]) => key !== 'view' && key !== 'sort' && value !== undefined,
  );
}
