import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { buildTicket, buildUser, staffContext, ticketTypeId } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { recordSlaWarnings } from './sla-warnings.service.ts';
import { createTicket } from './tickets.service.ts';

const t = setupTestApp();

describe('SLA early warning (预警)', () => {
  it('tells the assignee once when a clock passes the warning share', async () => {
    const ctx = await staffContext(t());
    const agent = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    const typeId = await ticketTypeId(t());
    // Monday 2 Nov 2026 09:00 Shanghai; normal priority: first response 60 business minutes, warning at 80 % = 09:48.
    const id = await createTicket(
      t().db,
      ctx,
      { typeId, subject: '即将超时', assigneeId: agent.userId },
      new Date('2026-11-02T01:00:00Z'),
    );
    expect(await recordSlaWarnings(t().db, new Date('2026-11-02T01:40:00Z'))).toBe(0);
    expect(await recordSlaWarnings(t().db, new Date('2026-11-02T01:50:00Z'))).toBe(1);
    expect(await recordSlaWarnings(t().db, new Date('2026-11-02T01:55:00Z'))).toBe(0);
    const inbox = await agent.client.get<{ items: { kind: string; title: string }[] }>(
      '/api/v1/notifications',
    );
    expect(inbox.body.items.filter((n) => n.kind === 'sla.warning')).toEqual([
      expect.objectContaining({ title: expect.stringContaining('即将超出首次响应时限') }),
    ]);
    const events = await t()
      .db.selectFrom('ticket_event')
      .select('kind')
      .where('ticket_id', '=', id)
      .execute();
    expect(events.map((e) => e.kind)).toContain('sla.warning');
  });
});

describe('list sorting', () => {
  it('pages by last update and by resolution due time without repeating or skipping', async () => {
    const admin = await t().admin();
    for (const priority of ['low', 'urgent', 'normal', 'high', 'normal'] as const)
      await buildTicket(t(), { subject: `排序 ${priority}`, priority });
    for (const sort of ['due', 'updated', 'newest']) {
      const seen: TicketView[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: TicketView[]; nextCursor: string | null } } = await admin.get(
          `/api/v1/tickets?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await admin.get<{ items: TicketView[] }>(`/api/v1/tickets?sort=${sort}&limit=100`);
      expect(
        seen.map((s) => s.id),
        sort,
      ).toEqual(all.body.items.map((s) => s.id));
      expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    }
    const byDue = await admin.get<{ items: TicketView[] }>(
      `/api/v1/tickets?sort=due&limit=100&q=${encodeURIComponent('排序')}`,
    );
    const dues = byDue.body.items.map((i) => i.resolution.dueAt).filter((d): d is string => !!d);
    expect(dues).toEqual([...dues].sort());
    expect(byDue.body.items[0]?.priority).toBe('urgent');
  });
});
