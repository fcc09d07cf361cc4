import { useSearchParams } from 'react-router';

/*
 * A list's filters live in the address, so a filtered list can be bookmarked, shared and linked to. Every
 * write reads the address as it is now, not as the render that set up the handler saw it: two changes in
 * quick succession (a view switch and a search) must both count.
 */

/** `value` when it is one of `list`, else undefined. */
export const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** A positive whole number (an id), else undefined. */
export const positiveId = (value: string | null): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** `true` for `'true'`, else undefined: an off flag is simply absent. */
export const flag = (value: string | null): true | undefined => (value === 'true' ? true : undefined);

type ParamValue = string | number | boolean | null | undefined;

/**
 * The filter as address parameters: what is unset (undefined, null, '', false) and what equals its default
 * (the default view, the default order) is left out.
 */
export function filterParams<F extends object>(filter: F, defaults: Partial<F> = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as [keyof F & string, ParamValue][]) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (defaults[key] === value) continue;
    search.set(key, String(value));
  }
  return search;
}

const currentParams = () => new URLSearchParams(window.location.search);

/**
 * A page's filters in the address: `filter` as parsed from it; `update` merges a change into them (other
 * parameters are dropped); `reset` clears them but for the `keep` ones; `setParams` sets or removes single
 * parameters and leaves the rest alone (a drawer's `?new=1`, a tab's range).
 */
export function useUrlFilters<F extends object>(
  parse: (params: URLSearchParams) => F,
  defaults: Partial<F> = {},
) {
  const [params, setSearch] = useSearchParams();
  const filter = parse(params);
  const write = (next: URLSearchParams) => setSearch(next, { replace: true });
  return {
    params,
    filter,
    update: (patch: Partial<F>) => write(filterParams({ ...parse(currentParams()), ...patch }, defaults)),
    reset: (keep: (keyof F)[] = []) => {
      const current = parse(currentParams());
      const kept: Partial<F> = {};
      for (const key of keep) kept[key] = current[key];
      write(filterParams(kept, defaults));
    },
    setParams: (patch: Record<string, string | undefined>) => {
      const next = currentParams();
      for (const [name, value] of Object.entries(patch)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      write(next);
    },
  };
}
