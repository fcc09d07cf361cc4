import type { QiaoModule } from '../module.ts';
import { escalateOverdueActions } from './capas.jobs.ts';
import { capasRoutes } from './capas.routes.ts';

export const capasModule: QiaoModule = {
  name: 'capas',
  routes: [capasRoutes],
  register(registry) {
    // Actions past their due date are escalated to the CAPA owner and the department head each morning.
    registry.job({
      name: 'capa.overdue',
      cron: '20 8 * * *',
      zone: 'organisation',
      async run(db, log) {
        const escalated = await escalateOverdueActions(db);
        if (escalated) log(`capa: ${escalated} overdue actions escalated`);
      },
    });
  },
};
