import type { QiaoModule } from '../module.ts';
import { customerFieldsRoutes } from './customer-fields.routes.ts';
import { customersRoutes } from './customers.routes.ts';
import { customerDocumentsRoutes } from './documents.routes.ts';
import { updateDormancy } from './dormancy.service.ts';
import { customerImportExportRoutes } from './import-export.routes.ts';
import { customerLookupRoutes } from './lookup.routes.ts';
import { customerSettingsRoutes } from './settings.routes.ts';
import { customerTimelineRoutes } from './timeline.routes.ts';

export const customersModule: QiaoModule = {
  name: 'customers',
  routes: [
    customerLookupRoutes,
    customersRoutes,
    customerTimelineRoutes,
    customerSettingsRoutes,
    customerImportExportRoutes,
    customerDocumentsRoutes,
    customerFieldsRoutes,
  ],
  register(registry) {
    // Customer lifecycle: dormancy after the configured quiet period, checked nightly.
    registry.job({
      name: 'customers.dormancy',
      cron: '40 2 * * *',
      zone: 'organisation',
      async run(db, log) {
        const moved = await updateDormancy(db);
        if (moved.dormant || moved.woken)
          log(`customers: ${moved.dormant} dormant, ${moved.woken} active again`);
      },
    });
  },
};
