/**
 * Service-request figures (not a test): create throughput through the HTTP API against a raw single-row
 * INSERT rate measured in the same run, and p50/p99 of the default list and of Chinese search at 10k
 * and 1M requests (each with messages), on a throwaway embedded PostgreSQL.
 *
 *   node bench/tickets-load.ts [total=1000000] [messagesPerTicket=2]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { indexTerms } from '../src/server/search/text-search.ts';
import { pick, random, startBenchApp } from './bench-kit.ts';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const MESSAGES = Number(process.argv[3] ?? 2);
const CHECKPOINTS = [10_000, TOTAL].filter((n, i, all) => n <= TOTAL && all.indexOf(n) === i);

const SUBJECTS = [
  '货物损坏理赔',
  '快递未收到',
  '发票开具咨询',
  '冷库温度异常',
  '订单延迟发货',
  '满意度回访',
  '叉车维修',
  '退货申请',
  '运费争议',
  '系统无法登录',
  'Delivery delayed',
  'Invoice request',
];
const BODIES = [
  '客户来电反映顺丰运单 SF{n} 显示已签收，但实际没有收到货物，要求尽快核实。',
  '仓库反馈货物外包装破损，内部商品有划痕，客户要求换货或赔偿。',
  '客户询问增值税专用发票的开具时间和邮寄方式。',
  '冷链车辆温度记录仪报警，需要技术支持远程排查。',
  '订单 DD2026{n} 原定本周发货，客户询问延迟原因和新的交期。',
  'Customer asks for an updated delivery date for order {n}.',
];
const text = (template: string) =>
  template.replace('{n}', String(Math.floor(random() * 1e10)).padStart(10, '0'));

const { db, base, auth, adminId, timeIt, close } = await startBenchApp();
try {
  const typeId = (
    await db.selectFrom('ticket_type').select('id').where('code', '=', 'inquiry').executeTakeFirstOrThrow()
  ).id;
  // 1. Raw single-row INSERT rate (the floor any API create is compared with).
  const RAW = 3000;
  let t0 = performance.now();
  for (let i = 0; i < RAW; i++) {
    await sql`INSERT INTO ticket (number, channel, type_id, subject) VALUES (${`RAW-${i}`}, 'api', ${typeId}, ${'raw insert'})`.execute(
      db,
    );
  }
  const rawRate = RAW / ((performance.now() - t0) / 1000);
  await sql`DELETE FROM ticket WHERE number LIKE 'RAW-%'`.execute(db);

  // 2. Creates through the API (validation, assignment rules, SLA on the business calendar, number, search terms, audit), 8 at a time.
  const API = 3000;
  const CONCURRENCY = 8;
  let next = 0;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < API) {
        next++;
        const res = await fetch(`${base}/api/v1/tickets`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            channel: 'api',
            typeId,
            subject: pick(SUBJECTS),
            description: text(pick(BODIES)),
          }),
        });
        if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  const apiRate = API / ((performance.now() - t0) / 1000);
  console.log(
    `raw single-row INSERT: ${rawRate.toFixed(0)} rows/s; API create (POST /api/v1/tickets, ${CONCURRENCY} concurrent): ${apiRate.toFixed(0)} requests/s (${((apiRate / rawRate) * 100).toFixed(0)} % of raw)`,
  );

  // 3. Bulk-fill to each checkpoint and measure reads.
  let count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ticket`.execute(db)).rows[0]!.n);
  const statuses = ['new', 'assigned', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
  for (const target of CHECKPOINTS) {
    const fillStart = performance.now();
    while (count < target) {
      const batch = Math.min(2000, target - count);
      const rows = Array.from({ length: batch }, (_, i) => {
        const subject = pick(SUBJECTS);
        const description = text(pick(BODIES));
        const number = `SR-BENCH-${count + i}`;
        return {
          number,
          subject,
          description,
          status: pick(statuses),
          terms: indexTerms(`${number} ${subject} ${description}`),
        };
      });
      const ids = await sql<{ id: number }>`
        INSERT INTO ticket (number, channel, type_id, subject, description, status, assignee_id, search_terms, created_at)
        SELECT r.number, 'web', ${typeId}, r.subject, r.description, r.status, CASE WHEN random() < 0.5 THEN ${adminId}::bigint END,
               array_to_tsvector(r.terms), now() - random() * interval '365 days'
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(number text, subject text, description text, status text, terms text[])
        RETURNING id`.execute(db);
      const messages = ids.rows
        .flatMap(({ id }) => Array.from({ length: MESSAGES }, () => ({ id, body: text(pick(BODIES)) })))
        .map((m) => ({ ...m, terms: indexTerms(m.body) }));
      await sql`
        INSERT INTO ticket_message (ticket_id, kind, body, search_terms)
        SELECT m.id, 'public', m.body, array_to_tsvector(m.terms)
        FROM jsonb_to_recordset(${JSON.stringify(messages)}::jsonb) AS m(id bigint, body text, terms text[])`.execute(
        db,
      );
      count += batch;
      if (count % 100_000 < batch)
        console.log(
          `  … ${count} requests loaded (${((performance.now() - fillStart) / 1000).toFixed(0)} s)`,
        );
    }
    await sql`ANALYZE`.execute(db);
    const list = await timeIt('/api/v1/tickets');
    const mine = await timeIt('/api/v1/tickets?view=open');
    // Common words, a Traditional-script query, a code, and two common words that never occur together
    // (the planner's worst guess; the plan guard answers it through the GIN index).
    const searches = ['货物损坏', '發票', '顺丰', '冷库温度', 'delivery', 'SF0000000001', '叉车 满意度'];
    const search: string[] = [];
    for (const q of searches)
      search.push(`${q}: ${await timeIt(`/api/v1/tickets?q=${encodeURIComponent(q)}`, 20)}`);
    console.log(
      `at ${count} requests (${count * MESSAGES} messages): default list ${list}; open view ${mine}`,
    );
    console.log(`  search ${search.join('; ')}`);
  }
} finally {
  await close();
}
