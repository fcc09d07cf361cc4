import type { QiaoModule } from '../module.ts';
import { removeExpiredKeys } from './idempotency.service.ts';

/**
 * Idempotency-Key for creates: the request hooks live in src/server/http/idempotency.ts (they wrap the
 * routes flagged `config.idempotent`); this module owns the stored keys and their clean-up.
 */
export const idempotencyModule: QiaoModule = {
  name: 'idempotency',
  routes: [],
  register(registry) {
    // Keys are kept for a day; the hourly sweep keeps the table at about a day of creates.
    registry.job({
      name: 'idempotency.cleanup',
      cron: '41 * * * *',
      zone: 'utc',
      async run(db, log) {
        const removed = await removeExpiredKeys(db);
        if (removed) log(`idempotency: removed ${removed} expired keys`);
      },
    });
  },
};
