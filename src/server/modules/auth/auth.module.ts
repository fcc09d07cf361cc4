import type { QiaoModule } from '../module.ts';
import { deleteExpiredSessions } from './auth.queries.ts';
import { authRoutes } from './auth.routes.ts';
import { deleteStaleThrottles } from './throttle.queries.ts';

export const authModule: QiaoModule = {
  name: 'auth',
  routes: [authRoutes],
  register(registry) {
    // Expired sessions and stale sign-in throttles are removed every hour.
    registry.job({
      name: 'maintenance.cleanup',
      cron: '17 * * * *',
      zone: 'utc',
      async run(db, log) {
        const sessions = await deleteExpiredSessions(db);
        await deleteStaleThrottles(db);
        log(`maintenance: removed ${sessions} expired sessions`);
      },
    });
  },
};
