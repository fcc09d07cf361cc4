import { describe, expect, it } from 'vitest';
import { filterParams, flag, oneOf, positiveId } from './url-filters.ts';

describe('list filters in the address', () => {
  it('reads only known values, positive ids and switched-on flags', () => {
    expect(oneOf(['open', 'closed'] as const, 'closed')).toBe('closed');
    expect(oneOf(['open', 'closed'] as const, 'nonsense')).toBeUndefined();
    expect(oneOf(['open', 'closed'] as const, null)).toBeUndefined();
    expect(positiveId('42')).toBe(42);
    for (const bad of ['0', '-3', '1.5', 'abc', '', null]) expect(positiveId(bad)).toBeUndefined();
    expect(flag('true')).toBe(true);
    expect(flag('false')).toBeUndefined();
  });

  it('writes what is set and differs from its default, in the filter’s order', () => {
    const params = filterParams(
      { view: 'open', status: 'closed', q: '', ownerUserId: 7, overdue: false, mine: true, tag: null },
      { view: 'open' },
    );
    expect(params.toString()).toBe('status=closed&ownerUserId=7&mine=true');
    expect(filterParams({ view: 'all' }, { view: 'open' }).toString()).toBe('view=all');
  });
});
