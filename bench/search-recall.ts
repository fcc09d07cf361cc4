/**
 * Recall, precision and latency of the text search (src/server/search/text-search.ts) on
 * ~20,000 synthetic Chinese customer-service texts, in a throwaway embedded PostgreSQL.
 *
 *   node bench/search-recall.ts [documents]
 *
 * Documents are built from template sentences (Simplified, some converted to Traditional) with
 * known phrases, codes and English sentences inserted. The ground truth of each query is found by
 * plain string matching on the normalised texts, independently of the index; every document a
 * phrase was inserted into must be in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Converter } from 'opencc-js';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { buildTsQuery, indexTerms, normaliseText } from '../src/server/search/text-search.ts';

const DOCUMENTS = Number(process.argv[2] ?? 20_000);
const RUNS_PER_QUERY = 5;

/** Deterministic PRNG (mulberry32), so every run measures the same corpus. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const FILLER = [
  '您好，感谢您联系客服中心。',
  '我们已经收到您的反馈。',
  '请提供订单号以便查询。',
  '包裹目前在运输途中。',
  '预计三个工作日内送达。',
  '如有损坏请拍照上传。',
  '货物已经从仓库发出。',
  '发票将在签收后开具。',
  '请对本次服务进行评价。',
  '物流公司正在核实情况。',
  '退款将原路返回。',
  '客户表示理解。',
  '已为您登记工单。',
  '质量问题可申请换货。',
  '请保持电话畅通。',
  '感谢您的耐心等待。',
  '快递员会提前联系您。',
  '本次调查结果仅供参考。',
  '如需开具专用发票请提供税号。',
  '我们会尽快处理，给您带来不便深表歉意。',
  '客户来电询问物流进度。',
  '已通知仓库重新打包发货。',
];

/** The phrases searched for; each document gets zero to two of them. */
const PHRASES = [
  '货物损坏',
  '物流延误',
  '发票抬头',
  '满意度调查',
  '顺丰快递',
  '退款失败',
  '外包装破损',
  '客服态度差',
  '上门取件',
  '收货地址变更',
  '重复扣款',
  '优惠券无法使用',
  '会员积分清零',
  '电子发票',
  '投诉升级',
  '配送超时',
  '商品缺件',
  '屏幕碎裂',
  '发错颜色',
  '保修期内',
  '七天无理由退货',
  '运费险',
  '催促发货',
  '价格保护',
  '虚假发货',
  '快递柜',
  '拒收',
  '二次配送',
  '签收异常',
  '包裹丢失',
  '冷链运输',
  '生鲜变质',
  '安装服务',
  '预约时间',
  '以旧换新',
  '开箱验货',
  '退货运单',
  '售后网点',
  '电话回访',
  '账号冻结',
];

const ENGLISH = [
  'Customer requested a refund for the late delivery.',
  'The package was delivered to the wrong address.',
  'Please resend the invoice by e-mail.',
  'Damaged item, replacement shipped.',
  'Survey completed, satisfaction is high.',
];
const ENGLISH_QUERIES = ['deliv', 'refund', 'invoice', 'replacem', 'satisf'];

interface Doc {
  id: number;
  body: string;
  phrases: Set<string>;
  codes: string[];
}

function generate(count: number): Doc[] {
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const docs: Doc[] = [];
  for (let id = 1; id <= count; id++) {
    const parts: string[] = [];
    const phrases = new Set<string>();
    const codes: string[] = [];
    const fillers = 2 + Math.floor(random() * 3);
    for (let i = 0; i < fillers; i++) parts.push(pick(FILLER));
    const roll = random();
    const inserted = roll < 0.3 ? 0 : roll < 0.8 ? 1 : 2;
    for (let i = 0; i < inserted; i++) {
      const phrase = pick(PHRASES);
      phrases.add(phrase);
      parts.splice(Math.floor(random() * (parts.length + 1)), 0, `客户反映${phrase}的问题。`);
    }
    if (random() < 0.4) {
      const waybill = `SF${digits(10)}`;
      codes.push(waybill);
      parts.push(`运单号${waybill}。`);
    }
    if (random() < 0.3) {
      const order = `DD2026${pick(['10', '11', '12'])}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-${digits(4)}`;
      codes.push(order);
      parts.unshift(`订单${order}：`);
    }
    if (random() < 0.1) parts.push(` ${pick(ENGLISH)}`);
    const body = parts.join('');
    docs.push({ id, body: random() < 0.3 ? toTraditional(body) : body, phrases, codes });
  }
  return docs;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A letter or digit that is not Han: what separates a code or a word from its neighbours. */
const LATIN = String.raw`[[\p{L}\p{N}]--[\p{sc=Han}]]`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main() {
  const started = performance.now();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-search-bench-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  const pool = new pg.Pool({ connectionString: server.url, max: 2 });
  try {
    let t = performance.now();
    const docs = generate(DOCUMENTS);
    console.log(`generated ${docs.length} documents in ${(performance.now() - t).toFixed(0)} ms`);

    t = performance.now();
    const terms = docs.map((doc) => indexTerms(doc.body));
    const termMs = performance.now() - t;
    const lexemes = terms.reduce((sum, list) => sum + list.length, 0);
    console.log(
      `indexTerms: ${termMs.toFixed(0)} ms (${((termMs / docs.length) * 1000).toFixed(0)} µs/doc, ${(lexemes / docs.length).toFixed(1)} lexemes/doc)`,
    );

    await pool.query('CREATE TABLE doc (id int PRIMARY KEY, body text NOT NULL, terms tsvector NOT NULL)');
    t = performance.now();
    const batch = 500;
    for (let start = 0; start < docs.length; start += batch) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = start; i < Math.min(start + batch, docs.length); i++) {
        const n = params.length;
        values.push(`($${n + 1}, $${n + 2}, array_to_tsvector($${n + 3}::text[]))`);
        params.push(docs[i]!.id, docs[i]!.body, terms[i]);
      }
      await pool.query(`INSERT INTO doc (id, body, terms) VALUES ${values.join(', ')}`, params);
    }
    const insertMs = performance.now() - t;
    t = performance.now();
    await pool.query('CREATE INDEX doc_terms_idx ON doc USING gin (terms)');
    await pool.query('ANALYZE doc');
    const indexMs = performance.now() - t;
    const size = await pool.query<{ table: string; index: string }>(
      `SELECT pg_size_pretty(pg_table_size('doc')) AS table, pg_size_pretty(pg_relation_size('doc_terms_idx')) AS index`,
    );
    console.log(
      `insert ${insertMs.toFixed(0)} ms, GIN build ${indexMs.toFixed(0)} ms; table ${size.rows[0]!.table}, GIN index ${size.rows[0]!.index}`,
    );

    // 50 queries with an independent ground truth (string matching on the normalised texts).
    const normalised = docs.map((doc) => normaliseText(doc.body));
    const queries: { text: string; truth: Set<number>; inserted: Set<number> }[] = [];
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    PHRASES.forEach((phrase, i) => {
      const text = i % 2 === 0 ? toTraditional(phrase) : phrase;
      const needle = normaliseText(text);
      const truth = new Set(docs.filter((_, j) => normalised[j]!.includes(needle)).map((doc) => doc.id));
      const inserted = new Set(docs.filter((doc) => doc.phrases.has(phrase)).map((doc) => doc.id));
      queries.push({ text, truth, inserted });
    });
    const withCodes = docs.filter((doc) => doc.codes.length > 0);
    for (let i = 0; i < 5; i++) {
      const code = pick(pick(withCodes).codes);
      const whole = new RegExp(
        `(?<!${LATIN}|[\\-_.\\/])${escapeRegExp(code.toLowerCase())}(?!${LATIN}|[\\-_.\\/]${LATIN})`,
        'v',
      );
      const truth = new Set(docs.filter((_, j) => whole.test(normalised[j]!)).map((doc) => doc.id));
      const inserted = new Set(docs.filter((doc) => doc.codes.includes(code)).map((doc) => doc.id));
      queries.push({ text: code, truth, inserted });
    }
    for (const prefix of ENGLISH_QUERIES) {
      const word = new RegExp(`(?<!${LATIN})${prefix}`, 'v');
      const truth = new Set(docs.filter((_, j) => word.test(normalised[j]!)).map((doc) => doc.id));
      queries.push({ text: prefix, truth, inserted: truth });
    }

    const latencies: number[] = [];
    let recallSum = 0;
    let precisionSum = 0;
    let resultSum = 0;
    let baselineRecallSum = 0;
    const imperfect: string[] = [];
    for (const query of queries) {
      for (const id of query.inserted) {
        if (!query.truth.has(id))
          throw new Error(`ground truth of ${query.text} misses inserted document ${id}`);
      }
      const tsquery = buildTsQuery(query.text);
      if (tsquery === null) throw new Error(`no tsquery for ${query.text}`);
      let found: Set<number> = new Set();
      for (let run = 0; run < RUNS_PER_QUERY; run++) {
        const before = performance.now();
        const result = await pool.query<{ id: number }>('SELECT id FROM doc WHERE terms @@ $1::tsquery', [
          tsquery,
        ]);
        latencies.push(performance.now() - before);
        found = new Set(result.rows.map((row) => row.id));
      }
      const hits = [...found].filter((id) => query.truth.has(id)).length;
      const recall = query.truth.size === 0 ? 1 : hits / query.truth.size;
      const precision = found.size === 0 ? 1 : hits / found.size;
      recallSum += recall;
      precisionSum += precision;
      resultSum += found.size;
      if (recall < 1 || precision < 1) {
        imperfect.push(
          `  ${query.text}: truth ${query.truth.size}, found ${found.size}, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
        );
      }
      // What PostgreSQL's own parser would give ('simple' configuration, no index needed here).
      const baseline = await pool.query<{ id: number }>(
        `SELECT id FROM doc WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', $1)`,
        [query.text],
      );
      const baselineHits = baseline.rows.filter((row) => query.truth.has(row.id)).length;
      baselineRecallSum += query.truth.size === 0 ? 1 : baselineHits / query.truth.size;
    }

    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT id FROM doc WHERE terms @@ $1::tsquery',
      [buildTsQuery('货物损坏')],
    );
    latencies.sort((a, b) => a - b);
    const n = queries.length;
    console.log(
      `\n${n} queries × ${RUNS_PER_QUERY} runs, ${(resultSum / n).toFixed(0)} results/query on average`,
    );
    console.log(`recall    (macro avg): ${(recallSum / n).toFixed(4)}`);
    console.log(`precision (macro avg): ${(precisionSum / n).toFixed(4)}`);
    console.log(
      `latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
    );
    console.log(`baseline to_tsvector('simple') recall: ${(baselineRecallSum / n).toFixed(4)}`);
    console.log(`plan for 货物损坏: ${plan.rows.map((row) => row['QUERY PLAN'].trim()).join(' / ')}`);
    console.log(
      imperfect.length ? `imperfect queries:\n${imperfect.join('\n')}` : 'every query: recall 1, precision 1',
    );
  } finally {
    await pool.end();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
