import {
  buildComplaintRow,
  buildCustomer,
  buildDepartment,
  buildTicketRow,
  type ComplaintRowSpec,
} from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/**
 * A known October 2026 in Asia/Shanghai: departments and customers through the factories, complaints and
 * requests as rows of their day (the complaint flow that fills them is tested in its own module); the step
 * times and CAPA rows of the month are written here, as no user can enter a past date. Times are UTC;
 * Shanghai is UTC+8, so October runs from 2026-09-30T16:00Z to 2026-10-31T16:00Z.
 */
interface ComplaintSeed {
  number: string;
  receivedAt: string;
  category: NonNullable<ComplaintRowSpec['category']>;
  product: string | null;
  severity: NonNullable<ComplaintRowSpec['severity']>;
  customerClass: string | null;
  channel: NonNullable<ComplaintRowSpec['channel']>;
  validity: 'pending' | 'valid' | 'not_valid';
  stage: NonNullable<ComplaintRowSpec['stage']>;
  closedAt?: string;
  department?: 'quality' | 'production';
  customer?: 'first' | 'second';
}

const at = (iso: string) => new Date(iso);

export const OCTOBER: ComplaintSeed[] = [
  // 2026-10-01 00:30 in Shanghai: the first half-hour of October
  {
    number: 'TS-C1',
    receivedAt: '2026-09-30T16:30:00Z',
    category: 'quality_defect',
    product: '钢板A',
    severity: 'major',
    customerClass: 'A',
    channel: 'phone',
    validity: 'valid',
    stage: 'closed',
    closedAt: '2026-10-20T02:00:00Z',
    department: 'quality',
    customer: 'first',
  },
  {
    number: 'TS-C2',
    receivedAt: '2026-10-05T02:00:00Z',
    category: 'quality_defect',
    product: '钢板A',
    severity: 'normal',
    customerClass: 'B',
    channel: 'email',
    validity: 'valid',
    stage: 'analyse',
    department: 'quality',
    customer: 'second',
  },
  {
    number: 'TS-C3',
    receivedAt: '2026-10-10T02:00:00Z',
    category: 'quality_defect',
    product: '钢板A',
    severity: 'minor',
    customerClass: 'A',
    channel: 'phone',
    validity: 'valid',
    stage: 'closed',
    closedAt: '2026-10-25T02:00:00Z',
    department: 'production',
    customer: 'first',
  },
  {
    number: 'TS-C4',
    receivedAt: '2026-10-12T02:00:00Z',
    category: 'packaging',
    product: '纸箱B',
    severity: 'normal',
    customerClass: 'C',
    channel: 'web',
    validity: 'not_valid',
    stage: 'closed',
    closedAt: '2026-10-14T02:00:00Z',
    customer: 'second',
  },
  {
    number: 'TS-C5',
    receivedAt: '2026-10-15T02:00:00Z',
    category: 'packaging',
    product: '纸箱B',
    severity: 'normal',
    customerClass: null,
    channel: 'phone',
    validity: 'pending',
    stage: 'investigate',
  },
  // 2026-10-31 23:30 in Shanghai (15:30 UTC): still October
  {
    number: 'TS-C6',
    receivedAt: '2026-10-31T15:30:00Z',
    category: 'delay',
    product: null,
    severity: 'critical',
    customerClass: 'B',
    channel: 'phone',
    validity: 'valid',
    stage: 'reply',
    department: 'production',
    customer: 'first',
  },
];

export const OTHER_MONTHS: ComplaintSeed[] = [
  // 2026-11-01 00:10 in Shanghai: November, though still 31 October in UTC
  {
    number: 'TS-C7',
    receivedAt: '2026-10-31T16:10:00Z',
    category: 'quality_defect',
    product: '钢板A',
    severity: 'normal',
    customerClass: 'A',
    channel: 'phone',
    validity: 'valid',
    stage: 'acknowledge',
  },
  // 2026-09-30 23:50 in Shanghai: September, closed in October
  {
    number: 'TS-C8',
    receivedAt: '2026-09-30T15:50:00Z',
    category: 'other',
    product: null,
    severity: 'normal',
    customerClass: 'B',
    channel: 'phone',
    validity: 'valid',
    stage: 'closed',
    closedAt: '2026-10-02T15:50:00Z',
  },
  {
    number: 'TS-C9',
    receivedAt: '2026-08-15T02:00:00Z',
    category: 'delay',
    product: null,
    severity: 'normal',
    customerClass: 'B',
    channel: 'phone',
    validity: 'valid',
    stage: 'closed',
    closedAt: '2026-08-20T02:00:00Z',
  },
  {
    number: 'TS-C10',
    receivedAt: '2026-05-10T02:00:00Z',
    category: 'other',
    product: null,
    severity: 'minor',
    customerClass: 'C',
    channel: 'web',
    validity: 'not_valid',
    stage: 'closed',
    closedAt: '2026-05-12T02:00:00Z',
  },
  {
    number: 'TS-C11',
    receivedAt: '2026-04-20T02:00:00Z',
    category: 'other',
    product: null,
    severity: 'minor',
    customerClass: 'C',
    channel: 'web',
    validity: 'valid',
    stage: 'closed',
    closedAt: '2026-04-22T02:00:00Z',
  },
];

/** Inquiries in October besides the complaints' own requests, and one merged duplicate that does not count. */
const OCTOBER_INQUIRIES = [
  '2026-10-02T03:00:00Z',
  '2026-10-09T03:00:00Z',
  '2026-10-20T03:00:00Z',
  '2026-10-31T15:59:00Z',
];

export async function seedAnalysisMonth(t: TestApp) {
  const db = t.db;
  await db.updateTable('organisation').set({ time_zone: 'Asia/Shanghai' }).where('id', '=', 1).execute();
  const departments = {
    quality: (await buildDepartment(t, { code: 'TS-QA', name: '品质部' })).id,
    production: (await buildDepartment(t, { code: 'TS-PR', name: '生产部' })).id,
  };
  const customers = {
    first: (await buildCustomer(t, { code: 'TS-K1', name: '华东钢构有限公司' })).id,
    second: (await buildCustomer(t, { code: 'TS-K2', name: '南方包装厂' })).id,
  };
  let ticketNo = 0;
  const request = { channel: 'phone', subject: '测试请求' } as const;
  const inquiry = async (createdAt: string, mergedIntoId: number | null = null) =>
    (
      await buildTicketRow(t, {
        ...request,
        type: 'inquiry',
        number: `TS-T${++ticketNo}`,
        createdAt: at(createdAt),
        mergedIntoId,
      })
    ).id;

  const ids: Record<string, number> = {};
  for (const c of [...OCTOBER, ...OTHER_MONTHS]) {
    ids[c.number] = (
      await buildComplaintRow(t, {
        number: c.number,
        customerId: c.customer ? customers[c.customer] : null,
        customerClass: c.customerClass,
        channel: c.channel,
        receivedAt: at(c.receivedAt),
        category: c.category,
        product: c.product,
        severity: c.severity,
        content: '测试投诉',
        stage: c.stage,
        validity: c.validity,
        departmentId: c.department ? departments[c.department] : null,
        closedAt: c.closedAt ? at(c.closedAt) : null,
        ticket: { ...request, number: `TS-T${++ticketNo}` },
      })
    ).id;
  }
  let lastInquiry = 0;
  for (const createdAt of OCTOBER_INQUIRIES) lastInquiry = await inquiry(createdAt);
  await inquiry('2026-10-21T03:00:00Z', lastInquiry);
  await inquiry('2026-10-31T16:00:00Z'); // 1 November 00:00 in Shanghai

  const step = (number: string, name: string, startedAt: string, hours: number | null, breached = false) =>
    db
      .insertInto('complaint_step')
      .values({
        complaint_id: ids[number]!,
        step: name,
        started_at: at(startedAt),
        completed_at: hours === null ? null : new Date(at(startedAt).getTime() + hours * 3_600_000),
        breached,
      })
      .execute();
  await step('TS-C1', 'acknowledge', '2026-09-30T16:30:00Z', 2);
  await step('TS-C2', 'acknowledge', '2026-10-05T02:00:00Z', 4, true);
  await step('TS-C1', 'investigate', '2026-10-01T00:00:00Z', 10);
  await step('TS-C3', 'investigate', '2026-10-11T00:00:00Z', 20);
  await step('TS-C3', 'review', '2026-10-12T00:00:00Z', 1.5, true);
  await step('TS-C8', 'final_report', '2026-09-30T15:50:00Z', 48); // started in September, done in October
  await step('TS-C7', 'acknowledge', '2026-10-31T16:10:00Z', 1); // done in November
  await step('TS-C2', 'analyse', '2026-10-06T02:00:00Z', null, true); // still running

  const capa = async (number: string, status: string, createdAt: string, pair?: [string, string]) =>
    (
      await db
        .insertInto('capa')
        .values({
          number,
          source: 'repeat',
          status,
          title: `测试措施 ${number}`,
          problem: '重复投诉',
          product: pair?.[0] ?? null,
          complaint_category: pair?.[1] ?? null,
          created_at: at(createdAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const linked = await capa('TS-P1', 'in_progress', '2026-10-06T00:00:00Z');
  await db.insertInto('capa_complaint').values({ capa_id: linked, complaint_id: ids['TS-C2']! }).execute();
  await capa('TS-P2', 'dismissed', '2026-10-16T00:00:00Z', ['纸箱B', 'packaging']);
  await capa('TS-P3', 'closed', '2026-07-01T00:00:00Z');
  const old = await capa('TS-P4', 'open', '2026-09-01T00:00:00Z');
  return { ids, departments, customers, capas: { linked, old } };
}
