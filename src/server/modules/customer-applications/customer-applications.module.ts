import type { QiaoModule } from '../module.ts';
import { customerApplicationsRoutes } from './customer-applications.routes.ts';
import { applyAdmissionOutcome } from './customer-applications.service.ts';

export const customerApplicationsModule: QiaoModule = {
  name: 'customer-applications',
  routes: [customerApplicationsRoutes],
  register(registry) {
    registry.approvalOutcome('customer_admission', applyAdmissionOutcome);
  },
};
