/**
 * Search-everywhere figures (not a test), at `total` requests on a throwaway embedded PostgreSQL: the
 * request list and its Chinese search before and after every request is linked to one of 5 000 contacts
 * (Chinese names, mobile numbers: their terms join each request's search_all), the request list found by
 * a contact's name / pinyin initials / phone, and the header's global search (GET /api/v1/search, seven
 * kinds at once). Compare each figure with the default list of the same run: the machine's load moves all.
 *
 *   node bench/search-everywhere.ts [total=100000]
 */
import { sql } from 'kysely';
import { contactTerms } from '../src/server/search/documents.ts';
import { indexTerms } from '../src/server/search/text-search.ts';
import { pick, random, startBenchApp } from './bench-kit.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const CONTACTS = 5000;
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建华',
  '伟',
  '芳',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
];
const SUBJECTS = ['货物损坏理赔', '快递未收到', '发票开具咨询', '冷库温度异常', '订单延迟发货', '叉车维修'];
const BODIES = [
  '客户来电反映运单显示已签收，但实际没有收到货物，要求尽快核实。',
  '仓库反馈货物外包装破损，内部商品有划痕，客户要求换货或赔偿。',
  '客户询问增值税专用发票的开具时间和邮寄方式。',
  '冷链车辆温度记录仪报警，需要技术支持远程排查。',
];

const { db, timeIt, close } = await startBenchApp();
try {
  const typeId = (
    await db.selectFrom('ticket_type').select('id').where('code', '=', 'inquiry').executeTakeFirstOrThrow()
  ).id;
  const contacts = Array.from({ length: CONTACTS }, (_, i) => {
    const name = pick(SURNAMES) + pick(GIVEN);
    const mobile = `13${String(900_000_000 + i).padStart(9, '0')}`;
    return { name, mobile, terms: contactTerms({ name, mobile }) };
  });
  const ids = await sql<{ id: number }>`
    INSERT INTO contact (name, mobile, search_terms)
    SELECT c.name, c.mobile, array_to_tsvector(c.terms)
    FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS c(name text, mobile text, terms text[])
    RETURNING id`.execute(db);
  const contactIds = ids.rows.map((r) => r.id);

  let count = 0;
  const fillStart = performance.now();
  while (count < TOTAL) {
    const batch = Math.min(2000, TOTAL - count);
    const rows = Array.from({ length: batch }, (_, i) => {
      const subject = pick(SUBJECTS);
      const description = pick(BODIES);
      const number = `SR-BENCH-${count + i}`;
      return {
        number,
        subject,
        description,
        contact: pick(contactIds),
        terms: indexTerms(`${number} ${subject} ${description}`),
      };
    });
    await sql`
      INSERT INTO ticket (number, channel, type_id, subject, description, search_terms, created_at)
      SELECT r.number, 'web', ${typeId}, r.subject, r.description, array_to_tsvector(r.terms),
             now() - random() * interval '365 days'
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(number text, subject text, description text, terms text[])`.execute(
      db,
    );
    count += batch;
  }
  console.log(
    `${count} requests and ${CONTACTS} contacts loaded in ${((performance.now() - fillStart) / 1000).toFixed(0)} s`,
  );
  await sql`ANALYZE`.execute(db);

  const someone = contacts[Math.floor(random() * CONTACTS)]!;
  const m = someone.mobile;
  const dashed = `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  const requestSearches: [string, string][] = [
    ['default list', '/api/v1/tickets'],
    ['search 货物损坏', `/api/v1/tickets?q=${encodeURIComponent('货物损坏')}`],
    ['search 發票', `/api/v1/tickets?q=${encodeURIComponent('發票')}`],
    [`contact name ${someone.name}`, `/api/v1/tickets?q=${encodeURIComponent(someone.name)}`],
    ['contact pinyin initials wjh', '/api/v1/tickets?q=wjh'],
    [`contact phone ${dashed}`, `/api/v1/tickets?q=${encodeURIComponent(dashed)}`],
  ];
  const globalSearches: [string, string][] = [
    ['global search 货物损坏', `/api/v1/search?q=${encodeURIComponent('货物损坏')}`],
    [`global search +86 ${m}`, `/api/v1/search?q=${encodeURIComponent(`+86 ${m}`)}`],
    ['global search wangjianhua', '/api/v1/search?q=wangjianhua'],
  ];
  const measure = async (list: [string, string][]) => {
    for (const [label, path] of list) console.log(`  ${label}: ${await timeIt(path, 40)}`);
  };
  console.log('requests without contacts (the index as before):');
  await measure(requestSearches.slice(0, 3));
  // Every request gets a contact: the trigger rebuilds search_all with the contact's name, pinyin and phone forms.
  const linkStart = performance.now();
  await sql`UPDATE ticket SET contact_id = ${contactIds[0]!}::bigint + (id % ${CONTACTS})`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`requests linked to contacts (${((performance.now() - linkStart) / 1000).toFixed(0)} s):`);
  await measure(requestSearches);
  await measure(globalSearches);
} finally {
  await close();
}
