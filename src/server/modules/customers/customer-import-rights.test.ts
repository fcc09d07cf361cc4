import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildUser, unique } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

/** An import files customers under the same rule as the form: class, credit and admission need approval. */
const t = setupTestApp();

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户一览表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Answer = { problems?: { row: number; column: string; message: string }[]; error?: { code: string } };

describe('importing customers without the approving permissions', () => {
  it('reports class and credit as needing approval, and files the rest as prospects', async () => {
    const importer = await buildUser(t(), { permissions: ['customer.read', 'customer.import'] });
    const classed = `导入越权${unique()}`;
    const withClass = await xlsx([
      ['客户名称*', '客户等级', '信用级别'],
      [classed, 'A', 'I'],
    ]);
    const check = await importer.client.upload<Answer>('/api/v1/customer-imports/check', {
      name: '客户一览表.xlsx',
      bytes: withClass,
    });
    expect(check.status).toBe(200);
    expect(check.body.problems).toEqual([
      { row: 2, column: '客户等级', message: '须经审批' },
      { row: 2, column: '信用级别', message: '须经审批' },
    ]);
    const refused = await importer.client.upload<Answer>('/api/v1/customer-imports', {
      name: '客户一览表.xlsx',
      bytes: withClass,
    });
    expect(refused.body.error?.code).toBe('IMPORT_HAS_ERRORS');

    const plain = `导入潜在${unique()}`;
    const ok = await importer.client.upload('/api/v1/customer-imports', {
      name: '客户一览表.xlsx',
      bytes: await xlsx([
        ['客户名称*', '地区'],
        [plain, '华东'],
      ]),
    });
    expect(ok.status).toBe(201);
    const row = await t()
      .db.selectFrom('customer')
      .select(['lifecycle', 'class', 'credit_level'])
      .where('name', '=', plain)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lifecycle: 'prospect', class: null, credit_level: null });
  });
});
