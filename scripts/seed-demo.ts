// `npm run seed:demo`: fill a realistic Chinese demo organisation (safe to run twice).
import { bootstrap } from '../src/server/bootstrap.ts';
import { readConfig } from '../src/server/config.ts';
import { openCliDatabase } from '../src/server/db/cli-database.ts';
import { createDatabase, createPool } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/server/demo/demo-organisation.ts';

const target = await openCliDatabase();
const db = createDatabase(createPool(target.url, 2));
try {
  await migrateToLatest(db);
  const config = readConfig();
  await bootstrap(db, {
    ...(config.adminEmail ? { email: config.adminEmail } : {}),
    ...(config.adminPassword ? { password: config.adminPassword } : {}),
  });
  const result = await seedDemoOrganisation(db);
  console.log(`demo organisation: ${result.departments} departments, ${result.users} new staff users`);
  console.log(
    `staff sign in with their username (e.g. zhaomin, liwei, chenjing) and password ${DEMO_PASSWORD}`,
  );
} finally {
  await db.destroy();
  await target.close();
}
