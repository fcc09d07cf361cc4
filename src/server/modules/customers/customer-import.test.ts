import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildCustomer, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

const HEADER = [
  '客户名称*',
  '客户类型',
  '地址',
  '电话',
  '银行账号',
  '税号',
  '行业',
  '地区',
  '客户等级',
  '信用级别',
  '年销售额',
  '标签',
  '联系人',
  '联系人手机',
  '联系人邮箱',
];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户一览表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type ImportAnswer = Record<string, unknown> & { error?: { code: string; details: unknown } };
/** Large sheets take a while on a busy machine. */
const slow = { timeoutMs: 120_000 };

const count = async () =>
  Number(
    (
      await t()
        .db.selectFrom('customer')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('customer import', () => {
  it('reports every bad row by row and column, and a file with errors imports nothing', async () => {
    const admin = await t().admin();
    const file = await xlsx([
      HEADER,
      [
        '宁波港通物流有限公司',
        '企业',
        '宁波市北仑区',
        '0574-86881234',
        '6222 0000 1111 2222',
        '91330206MA2AB',
        '物流',
        '华东',
        'B',
        'II',
        '1,200,000',
        '港口，冷链',
        '吴刚',
        '13600136000',
        'wu.gang@gangtong.example',
      ],
      ['', '企业', '缺少名称的一行'],
      [
        '嘉兴纺织厂',
        '企业',
        '',
        '',
        '',
        '',
        '纺织',
        '华东',
        'D',
        'IV',
        'abc',
        '',
        '冯雪',
        '',
        'not-an-email',
      ],
      ['宁波港通物流有限公司', '企业'],
    ]);
    const before = await count();
    const check = await admin.upload<ImportAnswer>(
      '/api/v1/customer-imports/check',
      { name: '客户一览表.xlsx', bytes: file },
      slow,
    );
    expect(check.status).toBe(200);
    const problems = check.body.problems as { row: number; column: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { row: 3, column: '客户名称*', message: '必填' },
        { row: 4, column: '客户等级', message: '格式不正确' },
        { row: 4, column: '信用级别', message: '格式不正确' },
        { row: 4, column: '年销售额', message: '应为数字' },
        { row: 4, column: '联系人邮箱', message: '格式不正确' },
        { row: 5, column: '客户名称*', message: '与第 2 行重复' },
      ]),
    );
    const attempt = await admin.upload<ImportAnswer>(
      '/api/v1/customer-imports',
      { name: '客户一览表.xlsx', bytes: file },
      slow,
    );
    expect(attempt.status).toBe(422);
    expect(attempt.body.error?.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count()).toBe(before);
  });

  it('imports 10,000 rows in one go, numbered, encrypted and searchable', async () => {
    const admin = await t().admin();
    const rows: (string | number)[][] = [HEADER];
    for (let i = 0; i < 10_000; i++)
      rows.push([
        `批量导入客户${i}号贸易有限公司`,
        '企业',
        `杭州市西湖区文三路 ${i} 号`,
        '',
        `6222 8888 0000 ${String(i).padStart(4, '0')}`,
        '',
        '贸易',
        i % 2 ? '华东' : '华南',
        'C',
        'I',
        100000 + i,
        '导入',
        `联系人${i}`,
        `139${String(i).padStart(8, '0')}`,
        '',
      ]);
    const before = await count();
    const res = await admin.upload<ImportAnswer>(
      '/api/v1/customer-imports',
      { name: 'big.xlsx', bytes: await xlsx(rows) },
      slow,
    );
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body).toEqual({ created: 10_000, skipped: 0 });
    expect(await count()).toBe(before + 10_000);
    const codes = await t()
      .db.selectFrom('customer')
      .select('code')
      .where('name', 'like', '批量导入客户%')
      .execute();
    expect(new Set(codes.map((c) => c.code)).size).toBe(10_000);
    const found = await admin.get<{ items: { name: string; contacts?: unknown }[] }>(
      `/api/v1/customers?q=${encodeURIComponent('批量导入客户4321号')}`,
    );
    expect(found.body.items.map((c) => c.name)).toContain('批量导入客户4321号贸易有限公司');
    const byContact = await admin.get<{ items: { name: string }[] }>(
      `/api/v1/customers?q=${encodeURIComponent('联系人777')}`,
    );
    expect(byContact.body.items.map((c) => c.name)).toContain('批量导入客户777号贸易有限公司');
    const raw = await t()
      .db.selectFrom('customer')
      .select(['bank_account_enc', 'bank_account_last4'])
      .where('name', '=', '批量导入客户7号贸易有限公司')
      .executeTakeFirstOrThrow();
    expect(raw.bank_account_enc).not.toContain('8888');
    expect(raw.bank_account_last4).toBe('0007');
  }, 120_000);

  it('reads CSV saved by Excel in GB18030 with Traditional headers, and skips customers already on file when asked', async () => {
    const admin = await t().admin();
    await buildCustomer(t(), { name: '台北精工股份有限公司' });
    const csv =
      '客戶名稱,地區,客戶等級,聯絡人,聯絡人手機\r\n台北精工股份有限公司,台灣,A,林志明,0912345678\r\n"新竹電子, 有限公司",台灣,B,陳美玲,0922333444\r\n';
    const encoded = iconv.encode(csv, 'gb18030');
    const strict = await admin.upload<ImportAnswer>(
      '/api/v1/customer-imports',
      { name: '客戶.csv', bytes: encoded },
      slow,
    );
    expect(strict.status).toBe(422);
    expect(
      (strict.body.error!.details as { existing: { name: string }[] }).existing.map((e) => e.name),
    ).toEqual(['台北精工股份有限公司']);
    const skipping = await admin.upload<ImportAnswer>(
      '/api/v1/customer-imports',
      { name: '客戶.csv', bytes: encoded },
      { ...slow, fields: { skipExisting: 'true' } },
    );
    expect(skipping.body).toEqual({ created: 1, skipped: 1 });
    const added = await admin.get<{ items: { name: string; region: string; class: string }[] }>(
      `/api/v1/customers?q=${encodeURIComponent('新竹电子')}`,
    );
    expect(added.body.items[0]).toMatchObject({ name: '新竹電子, 有限公司', region: '台灣', class: 'B' });
  });
});

describe('customer export', () => {
  it('exports the filtered list with form headers, masked for roles without "view sensitive", and audits it', async () => {
    const admin = await t().admin();
    await buildCustomer(t(), {
      name: '=HYPERLINK("http://evil")',
      phone: '020-12345678',
      region: '导出测试区',
    });
    await buildCustomer(t(), { name: '广州导出测试有限公司', phone: '020-87654321', region: '导出测试区' });
    const reader = await buildUser(t(), { permissions: ['customer.read', 'customer.export'] });
    const res = await fetch(
      `${admin.baseUrl}/api/v1/customers/export?format=xlsx&region=${encodeURIComponent('导出测试区')}&sort=name`,
      {
        headers: { cookie: reader.client.cookie!, 'accept-language': 'zh-CN' },
      },
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['客户编码', '客户名称', '客户类型']);
    expect(header).not.toContain('银行账号');
    const phoneCol = header.indexOf('电话') + 1;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(phoneCol).value).toBe('020****4321');
    const csv = await fetch(
      `${admin.baseUrl}/api/v1/customers/export?format=csv&region=${encodeURIComponent('导出测试区')}`,
      {
        headers: { cookie: admin.cookie! },
      },
    );
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('020-87654321');
    const audits = await t()
      .db.selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'customer.export')
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.actor_user_id)).toContain(reader.userId);
    // Exporting is its own permission.
    const noExport = await buildUser(t(), { permissions: ['customer.read'] });
    const refused = await noExport.client.get('/api/v1/customers/export');
    expect(errorCode(refused.body)).toBe('FORBIDDEN');
  });
});
