/**
 * Customer-file figures (not a test): create throughput through the HTTP API (duplicate check, encryption,
 * search terms, audit) against a raw single-row INSERT in the same run, and p50/p99 of the customer list,
 * filtered lists and Chinese/English search at 10k and 100k customers (two contacts each), on a throwaway
 * embedded PostgreSQL.
 *
 *   node bench/customers-load.ts [total=100000]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { indexTerms } from '../src/server/search/text-search.ts';
import { pick, random, startBenchApp } from './bench-kit.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const CHECKPOINTS = [10_000, TOTAL].filter((n, i, all) => n <= TOTAL && all.indexOf(n) === i);

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'];
const PLACES = [
  '华东',
  '华南',
  '华北',
  '西南',
  '东北',
  '苏州',
  '宁波',
  '东莞',
  '佛山',
  '天津',
  '成都',
  '武汉',
];
const TRADES = [
  '精密机械',
  '光电科技',
  '物流',
  '电气',
  '塑胶制品',
  '新材料',
  '食品',
  '医疗器械',
  '冷链',
  '汽车配件',
];
const SUFFIX = ['有限公司', '股份有限公司', '集团', '制造厂', 'Trading Co., Ltd.'];
const INDUSTRIES = ['机械制造', '电子', '物流', '化工', '食品', '医疗'];
const name = () => `${pick(PLACES)}${pick(TRADES)}${Math.floor(random() * 1000)}${pick(SUFFIX)}`;
const person = () => `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.5 ? pick(GIVEN) : ''}`;
const phone = () => `1${3 + Math.floor(random() * 6)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;

const { db, base, auth, adminId, timeIt, close } = await startBenchApp();
try {
  // 1. Raw single-row INSERT rate (the floor any API create is compared with).
  const RAW = 2000;
  let t0 = performance.now();
  for (let i = 0; i < RAW; i++)
    await sql`INSERT INTO customer (code, name) VALUES (${`RAW-${i}`}, ${'raw insert'})`.execute(db);
  const rawRate = RAW / ((performance.now() - t0) / 1000);
  await sql`DELETE FROM customer WHERE code LIKE 'RAW-%'`.execute(db);

  // 2. Creates through the API: duplicate check, number, sealed bank account, contacts, search terms, audit.
  const API = 2000;
  const CONCURRENCY = 8;
  let next = 0;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < API) {
        next++;
        const res = await fetch(`${base}/api/v1/customers`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            name: name(),
            region: pick(PLACES),
            industry: pick(INDUSTRIES),
            bankAccount: String(Math.floor(random() * 1e16)),
            contacts: [{ name: person(), mobile: phone() }],
            allowDuplicate: true,
          }),
        });
        if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  const apiRate = API / ((performance.now() - t0) / 1000);
  console.log(
    `raw single-row INSERT: ${rawRate.toFixed(0)} rows/s; API create (POST /api/v1/customers, ${CONCURRENCY} concurrent): ${apiRate.toFixed(0)} requests/s (${((apiRate / rawRate) * 100).toFixed(0)} % of raw)`,
  );

  // 3. Bulk-fill to each checkpoint and measure reads.
  let count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM customer`.execute(db)).rows[0]!.n);
  for (const target of CHECKPOINTS) {
    const fillStart = performance.now();
    while (count < target) {
      const batch = Math.min(2000, target - count);
      const rows = Array.from({ length: batch }, (_, i) => {
        const n = name();
        const contacts = [person(), person()];
        const phones = [phone(), phone()];
        const region = pick(PLACES);
        const industry = pick(INDUSTRIES);
        return {
          code: `KH-BENCH-${count + i}`,
          name: n,
          region,
          industry,
          class: pick(['A', 'B', 'C', 'C', 'C']),
          contacts,
          phones,
          terms: indexTerms(
            `KH-BENCH-${count + i} ${n} ${region} ${industry} ${contacts.join(' ')} ${phones.join(' ')}`,
          ),
        };
      });
      const ids = await sql<{ id: number; code: string }>`
        INSERT INTO customer (code, name, region, industry, class, search_terms, last_activity_at, owner_user_id)
        SELECT r.code, r.name, r.region, r.industry, r.class, array_to_tsvector(r.terms),
               now() - random() * interval '365 days', CASE WHEN random() < 0.2 THEN ${adminId}::bigint END
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(code text, name text, region text, industry text, class text, terms text[])
        RETURNING id, code`.execute(db);
      const byCode = new Map(rows.map((r) => [r.code, r]));
      const contacts = ids.rows.flatMap(({ id, code }) => {
        const r = byCode.get(code)!;
        return r.contacts.map((c, k) => ({ id, name: c, mobile: r.phones[k] }));
      });
      await sql`
        INSERT INTO contact (customer_id, name, mobile)
        SELECT c.id, c.name, c.mobile FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS c(id bigint, name text, mobile text)`.execute(
        db,
      );
      count += batch;
      if (count % 20_000 < batch)
        console.log(
          `  … ${count} customers loaded (${((performance.now() - fillStart) / 1000).toFixed(0)} s)`,
        );
    }
    await sql`ANALYZE`.execute(db);
    const list = await timeIt('/api/v1/customers');
    const byName = await timeIt('/api/v1/customers?sort=name');
    const filtered = await timeIt(`/api/v1/customers?class=A&region=${encodeURIComponent('华东')}`);
    const mine = await timeIt('/api/v1/customers?view=mine&sort=activity');
    const searches = ['精密机械', '光電', '王芳', '物流 苏州', 'Trading'];
    const search: string[] = [];
    for (const q of searches)
      search.push(`${q}: ${await timeIt(`/api/v1/customers?q=${encodeURIComponent(q)}`, 30)}`);
    console.log(
      `at ${count} customers: default list ${list}; by name ${byName}; class A in 华东 ${filtered}; mine by activity ${mine}`,
    );
    console.log(`  search ${search.join('; ')}`);
  }
} finally {
  await close();
}
