import { describe, expect, it } from 'vitest';
import { staffContext, ticketTypeId } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { createTicket } from './tickets.service.ts';
import { addCustomerMessage } from './tickets-messages.service.ts';
import { transitionTicket } from './tickets-workflow.service.ts';

const t = setupTestApp();

const status = async (id: number) =>
  (await t().db.selectFrom('ticket').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('customer replies', () => {
  it('wake a request waiting on the customer', async () => {
    const ctx = await staffContext(t());
    const typeId = await ticketTypeId(t());
    const id = await createTicket(t().db, ctx, {
      typeId,
      subject: '等待客户提供照片',
      newContact: { name: '王女士', email: 'wang@example.com' },
    });
    await transitionTicket(t().db, ctx, id, { status: 'waiting_customer' });
    const contact = await t()
      .db.selectFrom('ticket')
      .select('contact_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const result = await addCustomerMessage(t().db, {
      ticketId: id,
      contactId: contact.contact_id,
      body: '照片已上传',
      channel: 'email',
    });
    expect(result.reopened).toBe(false);
    expect(await status(id)).toBe('in_progress');
  });

  it('reopen a resolved request within the reopen window, and not after it', async () => {
    const ctx = await staffContext(t());
    const typeId = await ticketTypeId(t());
    await writeSetting(t().db, 'tickets.reopen', { reopenWindowDays: 3 });
    const resolvedAt = new Date('2026-11-02T02:00:00Z');
    const id = await createTicket(
      t().db,
      ctx,
      { typeId, subject: '已解决的问题' },
      new Date('2026-11-02T01:00:00Z'),
    );
    await transitionTicket(t().db, ctx, id, { status: 'resolved' }, resolvedAt);
    const inWindow = await addCustomerMessage(
      t().db,
      { ticketId: id, contactId: null, body: '问题又出现了', channel: 'web' },
      new Date('2026-11-04T02:00:00Z'),
    );
    expect(inWindow.reopened).toBe(true);
    expect(await status(id)).toBe('in_progress');

    const late = await createTicket(
      t().db,
      ctx,
      { typeId, subject: '很久以前解决的' },
      new Date('2026-10-01T01:00:00Z'),
    );
    await transitionTicket(t().db, ctx, late, { status: 'resolved' }, new Date('2026-10-01T02:00:00Z'));
    const outside = await addCustomerMessage(
      t().db,
      { ticketId: late, contactId: null, body: '谢谢', channel: 'email' },
      new Date('2026-10-10T02:00:00Z'),
    );
    expect(outside).toMatchObject({ reopened: false, tooLateToReopen: true });
    expect(await status(late)).toBe('resolved');
    const messages = await t()
      .db.selectFrom('ticket_message')
      .select('body')
      .where('ticket_id', '=', late)
      .execute();
    expect(messages.map((m) => m.body)).toEqual(['谢谢']);
  });
});
