import type { QiaoModule } from '../module.ts';
import { sendCareGreetings } from './care.jobs.ts';
import { careRoutes } from './care.routes.ts';

export const careModule: QiaoModule = {
  name: 'care',
  routes: [careRoutes],
  register(registry) {
    // Customer care: greetings for birthdays, anniversaries and holidays go out each morning.
    registry.job({
      name: 'customers.care',
      cron: '0 8 * * *',
      zone: 'organisation',
      async run(db, log) {
        const sent = await sendCareGreetings(db);
        if (sent.queued || sent.skipped)
          log(`care: ${sent.queued} greetings queued, ${sent.skipped} skipped`);
      },
    });
  },
};
