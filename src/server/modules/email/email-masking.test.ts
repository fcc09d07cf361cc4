import { describe, expect, it } from 'vitest';
import type { EmailView } from '../../../shared/schemas/email.ts';
import { buildMailbox, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { rawMail } from './email.fixtures.ts';
import { processInboundMail } from './inbound.ts';

const t = setupTestApp();

describe('a request’s mail', () => {
  it('shows the customer’s addresses masked to a role without customer.view_sensitive, our mailbox in full', async () => {
    const box = await buildMailbox(t(), { address: 'service@qiao.example' });
    const result = await processInboundMail(
      t().db,
      box.id,
      Buffer.from(
        rawMail({
          from: '"王丽" <wang.li@customer.example>',
          to: 'service@qiao.example, buyer.zhao@customer.example',
          subject: '发票抬头有误',
          text: '请重开发票。',
        }),
      ),
    );
    if (result.status !== 'imported') throw new Error(`mail not imported: ${result.status}`);
    const agent = await buildUser(t(), { permissions: ['ticket.read', 'ticket.read_all'] });
    const masked = await agent.client.get<EmailView[]>(`/api/v1/tickets/${result.ticketId}/emails`);
    expect(masked.status).toBe(200);
    const text = JSON.stringify(masked.body);
    expect(text).not.toContain('wang.li@customer.example');
    expect(text).not.toContain('buyer.zhao@customer.example');
    expect(masked.body[0]?.toAddresses).toContain('service@qiao.example');

    const sensitive = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.read_all', 'customer.view_sensitive'],
    });
    const full = await sensitive.client.get<EmailView[]>(`/api/v1/tickets/${result.ticketId}/emails`);
    expect(full.body[0]?.fromAddress).toBe('wang.li@customer.example');
  });
});
