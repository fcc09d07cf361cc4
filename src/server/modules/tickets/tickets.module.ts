import type { QiaoModule } from '../module.ts';
import { ticketBulkRoutes } from './bulk.routes.ts';
import { ticketRelationsRoutes } from './relations.routes.ts';
import { recordSlaBreaches } from './sla-breaches.service.ts';
import { recordSlaWarnings } from './sla-warnings.service.ts';
import { ticketsRoutes } from './tickets.routes.ts';

export const ticketsModule: QiaoModule = {
  name: 'tickets',
  routes: [ticketsRoutes, ticketBulkRoutes, ticketRelationsRoutes],
  register(registry) {
    // SLA clocks: breaches are recorded (and escalated) within a minute of the due time on any node.
    registry.job({
      name: 'sla.check',
      cron: '* * * * *',
      zone: 'utc',
      async run(db, log) {
        const warned = await recordSlaWarnings(db);
        if (warned) log(`sla: ${warned} requests past their warning share`);
        const breached = await recordSlaBreaches(db);
        if (breached) log(`sla: ${breached} requests past their due time`);
      },
    });
  },
};
