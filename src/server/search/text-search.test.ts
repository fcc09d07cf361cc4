import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { buildTsQuery, indexTerms, MAX_LEXEME_LENGTH, normaliseText, quoteLexeme } from './text-search.ts';

describe('normaliseText', () => {
  it('folds Traditional to Simplified', () => {
    expect(normaliseText('貨物損壞')).toBe('货物损坏');
    expect(normaliseText('發票')).toBe('发票');
    expect(normaliseText('滿意度調查')).toBe('满意度调查');
    expect(normaliseText('順豐快遞')).toBe('顺丰快递');
    expect(normaliseText('衞生')).toBe('卫生');
  });

  it('leaves Simplified text alone', () => {
    expect(normaliseText('货物损坏，客服回复')).toBe('货物损坏,客服回复');
  });

  it('turns full-width into half-width and lower-cases', () => {
    expect(normaliseText('ＳＦ１２３')).toBe('sf123');
    expect(normaliseText('Delivery ＡＢＣ')).toBe('delivery abc');
  });
});

describe('indexTerms', () => {
  it('indexes CJK unigrams, bigrams and words', () => {
    const terms = indexTerms('联系客服处理');
    for (const term of ['联', '系', '客', '服', '处', '理', '联系', '系客', '客服', '服处', '处理']) {
      expect(terms).toContain(term);
    }
  });

  it('gives the same terms for Traditional and Simplified text', () => {
    expect(indexTerms('貨物損壞，請開發票').sort()).toEqual(indexTerms('货物损坏，请开发票').sort());
  });

  it('keeps codes and e-mail addresses whole and does not index their parts', () => {
    const terms = indexTerms(
      '订单DD20261101-0042，标准GZL-4.2-1.25，单号SF1234567890，邮箱 Zhang.Wei@Example.com',
    );
    expect(terms).toEqual(
      expect.arrayContaining(['dd20261101-0042', 'gzl-4.2-1.25', 'sf1234567890', 'zhang.wei@example.com']),
    );
    for (const part of ['dd20261101', '0042', 'gzl', '4.2', '1.25', 'sf', 'zhang', 'example', 'com']) {
      expect(terms).not.toContain(part);
    }
  });

  it('splits digit-free compounds into words', () => {
    expect(indexTerms('Please check your e-mail, customer_service.')).toEqual([
      'please',
      'check',
      'your',
      'e',
      'mail',
      'customer',
      'service',
    ]);
  });

  it('deduplicates and drops over-long lexemes', () => {
    expect(indexTerms('客服 客服 客服')).toEqual(['客', '服', '客服']);
    expect(indexTerms(`ok ${'x'.repeat(MAX_LEXEME_LENGTH + 1)}`)).toEqual(['ok']);
    expect(indexTerms('，。！？ --- ...')).toEqual([]);
  });
});

describe('buildTsQuery', () => {
  it('ANDs the bigrams of a CJK run, or takes a single character', () => {
    expect(buildTsQuery('货物损坏')).toBe("'货物' & '物损' & '损坏'");
    expect(buildTsQuery('貨物損壞')).toBe("'货物' & '物损' & '损坏'");
    expect(buildTsQuery('票')).toBe("'票'");
  });

  it('makes the last Latin word a prefix, but never a code or a number', () => {
    expect(buildTsQuery('Package deliv')).toBe("'package' & 'deliv':*");
    expect(buildTsQuery('deliv 顺丰')).toBe("'deliv':* & '顺丰'");
    expect(buildTsQuery('DD20261101-0042')).toBe("'dd20261101-0042'");
    expect(buildTsQuery('0042')).toBe("'0042'");
    expect(buildTsQuery('ＳＦ１２３')).toBe("'sf123'");
  });

  it('supports OR and exclusion', () => {
    expect(buildTsQuery('顺丰 OR 發票')).toBe("'顺丰' | '发票'");
    expect(buildTsQuery('发票 -抬头')).toBe("'发票' & !'抬头'");
    expect(buildTsQuery('a b OR c -货物损坏')).toBe("('a' & 'b') | ('c':* & !('货物' & '物损' & '损坏'))");
    expect(buildTsQuery('-客服')).toBeNull();
    expect(buildTsQuery('OR OR')).toBeNull();
  });

  it('returns null when there is nothing to search for', () => {
    expect(buildTsQuery('')).toBeNull();
    expect(buildTsQuery('   ')).toBeNull();
    expect(buildTsQuery('，。！？&|!():*\'"\\')).toBeNull();
  });

  it('treats tsquery syntax in the input as separators', () => {
    expect(buildTsQuery("it's a\\b & c | !(d) <-> e:*")).toBe("'it' & 's' & 'a' & 'b' & 'c' & 'd' & 'e':*");
  });

  it('quotes lexemes for the tsquery syntax', () => {
    expect(quoteLexeme('abc')).toBe("'abc'");
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
    expect(quoteLexeme("'\\'")).toBe("'''\\\\'''");
  });
});

/** Realistic service texts, Simplified and Traditional Chinese and English. */
const DOCS: Record<number, string> = {
  1: '顺丰快递单号SF1234567890已签收，但客户反映外包装破损。',
  2: '順豐快遞單號SF9876543210顯示已簽收，客戶表示未收到貨物。',
  3: '客户投诉：物流延误三天，货运公司没有任何通知。',
  4: '貨運延誤，客戶要求賠償運費。',
  5: '收到的货物损坏严重，屏幕碎裂，请尽快处理退换。',
  6: '客戶反映貨物損壞，外箱有明顯擠壓痕跡。',
  7: '请为订单DD20261101-0042开具增值税专用发票。',
  8: '請問電子發票什麼時候可以開好？訂單號DD20261102-0107。',
  9: '发票抬头填写错误，需要重新开票。',
  10: '本月客户满意度调查结果：满意度92%，较上月提升。',
  11: '滿意度調查問卷已發送給所有VIP客戶。',
  12: '客服响应时间过长，用户等待超过十分钟。',
  13: '客服人員態度很好，問題很快就解決了。',
  14: '产品质量符合标准GZL-4.2-1.25的要求。',
  15: '检验依据GZL-4.2-1.3执行，部分批次不合格。',
  16: '请联系 support@qiao.example 获取售后支持。',
  17: '用户邮箱 zhang.wei@example.com 无法接收验证码。',
  18: 'The delivery was delayed by two days and the customer asked for a refund.',
  19: 'Customer reports that the package arrived damaged; requesting a replacement.',
  20: 'Please send the invoice for order DD20261101-0042 to billing@example.com.',
  21: 'Delivered to the wrong address, courier SF1234567890 needs investigation.',
  22: '物流信息一直没有更新，快递员电话打不通。',
  23: '顺丰快递员态度恶劣，拒绝送货上门。',
  24: '货物在运输途中丢失，物流公司同意赔偿。',
  25: '退货退款申请已提交，等待仓库确认收货。',
  26: '退貨申請被拒絕，客戶情緒激動，要求升級處理。',
  27: '客户要求更换发票抬头并重新邮寄。',
  28: '工单TS-20261123-0001已转交二线客服处理。',
  29: '工单TS-20261123-0002已关闭，客户确认问题解决。',
  30: '满意度回访：客户对处理结果表示满意。',
  31: '投诉升级至主管，承诺48小时内回复。',
  32: '物流货运费用结算单已发送财务部门审核。',
  33: '客户在电话中多次提到货物损坏，要求上门取件，货物损坏照片已上传。',
  34: '快递包装完好，但内部商品有划痕。',
  35: '訂單已出貨，順豐運單號碼SF5555666677。',
  36: '客户咨询发货时间，客服回复预计明天发货。',
  37: 'Satisfaction survey: 85% of customers rated the service as good.',
  38: 'Invoice INV-2026-0042 was issued on 2026-11-01.',
  39: '會員積分未到帳，請客服協助查詢。',
  40: '配送地址变更申请：从北京市朝阳区改为上海市浦东新区。',
  41: '客户说“服务太差”，要求投诉客服主管。',
  42: '电子邮件通知已发送，请查收e-mail。',
  43: '货物完好无损，客户很满意。',
  44: '这批货物的损坏率低于千分之一。',
  45: '仓库盘点：货架编号 0042 缺货。',
};

/** Query → the exact ids it must find. */
const CASES: [query: string, ids: number[]][] = [
  // Chinese, found inside longer text, whatever the script of document and query.
  ['客服', [12, 13, 28, 36, 39, 41]],
  ['满意度', [10, 11, 30]],
  ['滿意度', [10, 11, 30]],
  ['顺丰', [1, 2, 23, 35]],
  ['順豐', [1, 2, 23, 35]],
  ['货物损坏', [5, 6, 33]],
  ['貨物損壞', [5, 6, 33]],
  ['发票', [7, 8, 9, 27]],
  ['發票', [7, 8, 9, 27]],
  ['物流', [3, 22, 24, 32]],
  ['货运', [3, 4, 32]],
  ['满意度调查', [10, 11]],
  ['快递', [1, 2, 22, 23, 34]],
  ['签收', [1, 2]],
  ['簽收', [1, 2]],
  ['投诉', [3, 31, 41]],
  ['退货', [25, 26]],
  ['賠償', [4, 24]],
  ['延误', [3, 4]],
  ['发货', [36]],
  ['工单', [28, 29]],
  ['客户满意', [10]],
  ['损坏', [5, 6, 33, 44]],
  ['电话', [22, 33]],
  ['态度', [13, 23]],
  ['票', [7, 8, 9, 27]],
  ['货', [2, 3, 4, 5, 6, 23, 24, 25, 26, 32, 33, 35, 36, 43, 44, 45]],
  ['升级', [26, 31]],
  ['主管', [31, 41]],
  ['重新开票', [9]],
  ['處理', [5, 26, 28, 30]],
  ['客服回覆', [36]],
  ['外包装', [1]],
  ['电子发票', [8]],
  ['上门', [23, 33]],
  ['回访', [30]],
  ['確認收貨', [25]],
  ['丢失', [24]],
  ['訂單', [7, 8, 35]],
  ['运单', [35]],
  ['优惠券', []],
  // Several pieces, OR, exclusion, mixed scripts.
  ['物流 货运', [3, 32]],
  ['顺丰 OR 發票', [1, 2, 7, 8, 9, 23, 27, 35]],
  ['发票 -抬头', [7, 8]],
  ['VIP客户', [11]],
  ['48小时', [31]],
  // English, the last word as a prefix.
  ['deliv', [18, 21]],
  ['customer', [18, 19, 37]],
  ['the customer', [18, 19, 37]],
  ['invoice', [20, 38]],
  ['package damaged', [19]],
  ['refund', [18]],
  ['satisf', [37]],
  ['courier', [21]],
  ['e-mail', [42]],
  // Codes, numbers and e-mail addresses match whole, never by their parts.
  ['DD20261101-0042', [7, 20]],
  ['dd20261101-0042', [7, 20]],
  ['0042', [45]],
  ['DD20261101', []],
  ['DD20261102-0107', [8]],
  ['GZL-4.2-1.25', [14]],
  ['GZL-4.2-1.3', [15]],
  ['4.2', []],
  ['SF1234567890', [1, 21]],
  ['ＳＦ１２３４５６７８９０', [1, 21]],
  ['TS-20261123-0001', [28]],
  ['support@qiao.example', [16]],
  ['Zhang.Wei@example.com', [17]],
  ['2026-11-01', [38]],
  ['92', [10]],
];

describe('text search in PostgreSQL', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.pool.query('CREATE TABLE doc (id int PRIMARY KEY, body text NOT NULL, terms tsvector NOT NULL)');
    await t.pool.query('CREATE INDEX doc_terms_idx ON doc USING gin (terms)');
    for (const [id, body] of Object.entries(DOCS)) {
      await t.pool.query('INSERT INTO doc (id, body, terms) VALUES ($1, $2, array_to_tsvector($3::text[]))', [
        Number(id),
        body,
        indexTerms(body),
      ]);
    }
    await t.pool.query('ANALYZE doc');
  });

  afterAll(async () => {
    await t?.drop();
  });

  async function search(query: string): Promise<number[]> {
    const q = buildTsQuery(query);
    if (q === null) return [];
    const result = await t.pool.query<{ id: number }>(
      'SELECT id FROM doc WHERE terms @@ $1::tsquery ORDER BY id',
      [q],
    );
    return result.rows.map((row) => row.id);
  }

  it('has a realistic corpus and enough queries', () => {
    expect(Object.keys(DOCS).length).toBeGreaterThanOrEqual(40);
    const chinese = CASES.filter(([query]) => /\p{sc=Han}/u.test(query));
    expect(chinese.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', async (query, ids) => {
    expect(await search(query)).toEqual(ids);
  });

  it('stores lexemes verbatim, so a quoted lexeme round-trips', async () => {
    const result = await t.pool.query<{ hit: boolean }>(
      'SELECT array_to_tsvector($1::text[]) @@ $2::tsquery AS hit',
      [["it's", 'a\\b', '客服'], `${quoteLexeme("it's")} & ${quoteLexeme('a\\b')} & ${quoteLexeme('客服')}`],
    );
    expect(result.rows[0]?.hit).toBe(true);
  });

  it('never produces a tsquery syntax error', async () => {
    const nasty = [
      "'",
      "''",
      '\\',
      '\\\\',
      "a'b\\c",
      '&|!():*',
      "客服' | !(",
      "' OR 1=1 --",
      ':* <-> <2> !',
      '"顺丰"',
      '-',
      '--',
      '- OR -',
      "O'Brien's e-mail",
      `${'货'.repeat(3000)}`,
      `${'x'.repeat(5000)}`,
      '\u0000\u0001\u200b\ufeff',
      '😀🙏',
      '𠀀𠀁',
    ];
    for (const input of nasty) {
      await expect(search(input), input).resolves.toBeInstanceOf(Array);
    }
    expect(await search("客服' | !(")).toEqual(await search('客服'));
  });

  it('uses the GIN index (no substring scan)', async () => {
    const client = await t.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      for (const query of ['货物损坏', 'DD20261101-0042', 'deliv']) {
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          'EXPLAIN SELECT id FROM doc WHERE terms @@ $1::tsquery',
          [buildTsQuery(query)],
        );
        const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(text).toContain('Bitmap Index Scan on doc_terms_idx');
        expect(text).not.toContain('Seq Scan');
      }
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });

  it('ranks documents matching more of an OR query higher', async () => {
    // Positions are not stored, so ts_rank counts distinct matching lexemes, not occurrences.
    const result = await t.pool.query<{ id: number; rank: number }>(
      `SELECT id, ts_rank(terms, q) AS rank FROM doc, CAST($1 AS tsquery) AS q
        WHERE terms @@ q ORDER BY rank DESC, id`,
      [buildTsQuery('顺丰 OR 签收')],
    );
    expect(result.rows.map((row) => row.id)).toEqual([1, 2, 23, 35]);
    expect(result.rows[1]!.rank).toBeGreaterThan(result.rows[2]!.rank);
  });
});
