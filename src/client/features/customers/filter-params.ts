import { CREDIT_LEVELS, CUSTOMER_CLASSES, LIFECYCLES } from '../../../shared/schemas/customers.ts';
import {
  CUSTOMER_SORTS,
  CUSTOMER_VIEWS,
  type CustomerFilter,
  type CustomerSort,
  type CustomerViewName,
} from '../../api/customers.ts';
import { oneOf, positiveId, useUrlFilters } from '../../components/url-filters.ts';

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
    ownerUserId: positiveId(params.get('ownerUserId')),
    advisorUserId: positiveId(params.get('advisorUserId')),
  };
}

/** The list's view, filters and order live in the address, so a filtered list can be bookmarked or shared. */
export function useCustomerFilterParams(): [
  CustomerFilter,
  (patch: Partial<CustomerFilter>) => void,
  () => void,
] {
  const { filter, update, reset } = useUrlFilters(parse, { view: 'all', sort: 'newest' });
  return [filter, update, () => reset(['view'])];
}

/** Whether anything beyond the view and the order narrows the list. */
export function hasFilters(filter: CustomerFilter): boolean {
  return Object.entries(filter).some(
    ([key, value]) => key !== 'view' && key !== 'sort' && value !== undefined,
  );
}
