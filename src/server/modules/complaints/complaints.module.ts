import type { QiaoModule } from '../module.ts';
import { compensationRoutes } from './compensation.routes.ts';
import { applyCompensationOutcome } from './compensation.service.ts';
import { checkComplaintClocks } from './complaint-clocks.service.ts';
import { applyFinalReportOutcome } from './complaint-flow.service.ts';
import { complaintSettingsRoutes } from './complaint-settings.routes.ts';
import { complaintsRoutes } from './complaints.routes.ts';
import { openComplaintForTicket } from './complaints.service.ts';

export const complaintsModule: QiaoModule = {
  name: 'complaints',
  routes: [complaintsRoutes, compensationRoutes, complaintSettingsRoutes],
  register(registry) {
    registry.ticketCreated('complaints', openComplaintForTicket);
    registry.approvalOutcome('complaint_final', applyFinalReportOutcome);
    registry.approvalOutcome('compensation', applyCompensationOutcome);
    // Step clocks: warnings and escalations within a minute of their time, on any node.
    registry.job({
      name: 'complaints.clocks',
      cron: '* * * * *',
      zone: 'utc',
      async run(db, log) {
        const steps = await checkComplaintClocks(db);
        if (steps.warned || steps.breached)
          log(`complaints: ${steps.warned} steps near their due time, ${steps.breached} overdue`);
      },
    });
  },
};
