import type {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStage,
} from '../../../shared/complaints/complaint-flow.ts';
import type { ComplaintDetail, complaintCreate } from '../../../shared/schemas/complaints.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { type Channel, type Input, send, unique } from './api.ts';
import { buildCustomer } from './customers.ts';
import { buildTicketRow, type TicketRowSpec } from './tickets.ts';

/** Complaints. */

export type ComplaintSpec = Partial<Input<typeof complaintCreate>> & {
  /** Who registers it: the administrator by default. */
  client?: ApiClient;
};

/** A complaint registered on the complaint form (request, record and the first step's clock); a new customer unless `customerId` is given. */
export async function buildComplaint(t: TestApp, spec: ComplaintSpec = {}): Promise<ComplaintDetail> {
  const { client, ...input } = spec;
  const customerId = input.customerId === undefined ? (await buildCustomer(t)).id : input.customerId;
  return send<ComplaintDetail>(t, client, '/api/v1/complaints', {
    subject: '叉车液压油管漏油',
    content: '上周交付的 3 台叉车液压油管漏油，影响生产',
    channel: 'phone',
    objectType: 'product',
    product: 'FD30 叉车',
    category: 'quality_defect',
    severity: 'major',
    demand: '更换油管并赔偿停产损失',
    ...input,
    customerId,
  });
}

export interface ComplaintRowSpec {
  number?: string;
  customerId?: number | null;
  customerClass?: string | null;
  channel?: Channel;
  receivedAt?: Date;
  category?: ComplaintCategory;
  product?: string | null;
  severity?: ComplaintSeverity;
  content?: string;
  stage?: ComplaintStage;
  validity?: 'pending' | 'valid' | 'not_valid';
  departmentId?: number | null;
  closedAt?: Date | null;
  /** Its request (of type 投诉), created at `receivedAt` unless told otherwise. */
  ticket?: TicketRowSpec;
}

/**
 * A complaint straight in the tables (its request row too), for modules that start from one: no repeat
 * detection, no step clock. The complaint screens are tested in their own module with `buildComplaint`.
 */
export async function buildComplaintRow(t: TestApp, spec: ComplaintRowSpec = {}) {
  const tag = unique();
  const receivedAt = spec.receivedAt ?? new Date();
  const ticket = await buildTicketRow(t, {
    type: 'complaint',
    subject: `投诉 ${tag}`,
    createdAt: receivedAt,
    channel: spec.channel ?? 'phone',
    ...spec.ticket,
  });
  return t.db
    .insertInto('complaint')
    .values({
      number: spec.number ?? `TS-${tag}`,
      ticket_id: ticket.id,
      customer_id: spec.customerId ?? null,
      customer_class: spec.customerClass ?? null,
      channel: spec.channel ?? 'phone',
      content: spec.content ?? '客户反映产品表面有划伤',
      product: spec.product ?? null,
      category: spec.category ?? 'quality_defect',
      severity: spec.severity ?? 'normal',
      stage: spec.stage ?? 'acknowledge',
      validity: spec.validity ?? 'pending',
      responsible_department_id: spec.departmentId ?? null,
      closed_at: spec.closedAt ?? null,
      received_at: receivedAt,
    })
    .returning(['id', 'number', 'ticket_id', 'product', 'category', 'received_at'])
    .executeTakeFirstOrThrow();
}
