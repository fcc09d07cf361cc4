// `npm run db:migrate`: apply pending migrations (Qiao also does this at every start).
import { openCliDatabase } from '../src/server/db/cli-database.ts';
import { createDatabase, createPool } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

const target = await openCliDatabase();
const db = createDatabase(createPool(target.url, 2));
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await db.destroy();
  await target.close();
}
