import { describe, expect, it } from 'vitest';
import { capaStateParams, parseCapaState } from './capa-filters.ts';

describe('CAPA board address', () => {
  it('reads known filters and drops unknown values', () => {
    const state = parseCapaState(
      new URLSearchParams(
        'view=list&status=verifying&source=nonsense&ownerUserId=-3&overdue=true&q=%20阀门%20',
      ),
    );
    expect(state).toEqual({
      view: 'list',
      status: 'verifying',
      source: undefined,
      ownerUserId: undefined,
      mine: undefined,
      overdue: true,
      q: '阀门',
    });
  });

  it('writes only what is set, the board being the default view', () => {
    expect(capaStateParams({ view: 'board', source: 'audit', mine: true }).toString()).toBe(
      'source=audit&mine=true',
    );
    const round = parseCapaState(capaStateParams({ view: 'list', status: 'closed', ownerUserId: 7 }));
    expect(round).toMatchObject({ view: 'list', status: 'closed', ownerUserId: 7 });
  });
});
