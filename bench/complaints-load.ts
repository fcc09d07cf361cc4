/**
 * Complaint figures (not a test): registering complaints through the HTTP API (request + record + first
 * step clock + audit in one transaction), then p50/p99 of the complaint workspace lists, Chinese search,
 * the CAPA board and the monthly analysis with a year of complaints (`total`, default 100 000, each with
 * its request and four step runs) on a throwaway embedded PostgreSQL.
 *
 *   node bench/complaints-load.ts [total=100000]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { indexTerms } from '../src/server/search/text-search.ts';
import { COMPLAINT_CATEGORIES, VALID_PATH } from '../src/shared/complaints/complaint-flow.ts';
import { pick, random, startBenchApp } from './bench-kit.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const PRODUCTS = ['FD30 液压油管', 'CPD15 电动叉车', '轴承 6204', '密封圈 O 型', '齿轮泵 CBN', '控制器 KX-9'];
const PROBLEMS = ['接头漏油', '外包装破损', '规格不符', '交货延误', '送货司机态度差', '尺寸超差', '电机异响'];
const CHANNELS = ['web', 'email', 'phone', 'letter', 'walk_in'];
const DAY = 86_400_000;

const { db, base, auth, timeIt, close } = await startBenchApp();
try {
  const customer = await sql<{ id: number }>`
    INSERT INTO customer (code, name, class, lifecycle) VALUES ('KH-BENCH-C', '苏州恒力液压设备有限公司', 'A', 'active')
    RETURNING id`.execute(db);
  const customerId = customer.rows[0]!.id;

  // 1. Registering through the API (8 at a time).
  const API = 1000;
  let next = 0;
  let t0 = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < API) {
        next++;
        const res = await fetch(`${base}/api/v1/complaints`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            subject: `${pick(PRODUCTS)}${pick(PROBLEMS)}`,
            content: '客户来电反映到货产品存在问题，要求尽快处理并说明原因。',
            channel: pick(CHANNELS),
            customerId,
            product: pick(PRODUCTS),
            category: pick(COMPLAINT_CATEGORIES),
          }),
        });
        if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  console.log(
    `API register (POST /api/v1/complaints, 8 concurrent): ${(API / ((performance.now() - t0) / 1000)).toFixed(0)} complaints/s`,
  );

  // 2. Bulk-fill a year of complaints with their requests and step runs.
  const typeId = (await sql<{ id: number }>`SELECT id FROM ticket_type WHERE code = 'complaint'`.execute(db))
    .rows[0]!.id;
  const now = Date.now();
  t0 = performance.now();
  for (let done = API; done < TOTAL; ) {
    const batch = Math.min(1000, TOTAL - done);
    const rows = Array.from({ length: batch }, (_, i) => {
      const subject = `${pick(PRODUCTS)}${pick(PROBLEMS)}`;
      const received = new Date(now - Math.floor(random() * 365) * DAY - Math.floor(random() * DAY));
      return {
        n: done + i,
        subject,
        received,
        product: pick(PRODUCTS),
        category: pick(COMPLAINT_CATEGORIES),
      };
    });
    const tickets = await db
      .insertInto('ticket')
      .values(
        rows.map((r) => ({
          number: `SR-BENCH-${r.n}`,
          channel: pick(CHANNELS),
          type_id: typeId,
          subject: r.subject,
          customer_id: customerId,
          status: 'in_progress',
          search_terms: sql`array_to_tsvector(${indexTerms(r.subject)}::text[])`,
          created_at: r.received,
        })),
      )
      .returning('id')
      .execute();
    const complaints = await db
      .insertInto('complaint')
      .values(
        rows.map((r, i) => {
          const closed = r.received.getTime() < now - 30 * DAY && random() < 0.9;
          return {
            number: `TS-BENCH-${r.n}`,
            ticket_id: tickets[i]!.id,
            customer_id: customerId,
            customer_class: pick(['A', 'B', 'C']),
            channel: 'phone',
            received_at: r.received,
            product: r.product,
            category: r.category,
            content: r.subject,
            validity: random() < 0.8 ? 'valid' : 'not_valid',
            stage: closed ? 'closed' : pick(VALID_PATH),
            closed_at: closed ? new Date(r.received.getTime() + 12 * DAY) : null,
          };
        }),
      )
      .returning(['id', 'received_at', 'stage'])
      .execute();
    await db
      .insertInto('complaint_step')
      .values(
        complaints.flatMap((c) =>
          VALID_PATH.slice(0, 4).map((step, k) => {
            const started = new Date(c.received_at.getTime() + k * DAY);
            const open = c.stage !== 'closed' && k === 3;
            return {
              complaint_id: c.id,
              step,
              started_at: started,
              due_at: new Date(started.getTime() + DAY),
              warn_at: new Date(started.getTime() + 0.8 * DAY),
              warned: true,
              breached: random() < 0.1,
              completed_at: open ? null : new Date(started.getTime() + random() * 1.5 * DAY),
            };
          }),
        ),
      )
      .execute();
    done += batch;
  }
  await sql`ANALYZE`.execute(db);
  console.log(
    `bulk fill to ${TOTAL} complaints (+ requests, ${TOTAL * 4} step runs): ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  const month = new Date(now - 40 * DAY).toISOString().slice(0, 7);
  for (const [label, path] of [
    ['open complaints (workspace default)', '/api/v1/complaints?stage=open&limit=30'],
    ['all complaints, newest first', '/api/v1/complaints?limit=30'],
    ['category filter', '/api/v1/complaints?category=packaging&limit=30'],
    ['overdue filter', '/api/v1/complaints?overdue=true&limit=30'],
    ['search "接头漏油"', `/api/v1/complaints?q=${encodeURIComponent('接头漏油')}&limit=30`],
    ['one complaint (detail)', '/api/v1/complaints/1'],
    ['CAPA board', '/api/v1/capas/board'],
    [`monthly analysis ${month}`, `/api/v1/complaint-analysis/monthly?month=${month}`],
    [`closure checklist ${month}`, `/api/v1/complaint-analysis/confirmations?month=${month}`],
  ] as const)
    console.log(`${label}: ${await timeIt(path, label.startsWith('monthly') ? 10 : 30)}`);
} finally {
  await close();
}
