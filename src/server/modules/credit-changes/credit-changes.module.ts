import type { QiaoModule } from '../module.ts';
import { creditChangesRoutes } from './credit-changes.routes.ts';
import { applyCreditChangeOutcome } from './credit-changes.service.ts';

export const creditChangesModule: QiaoModule = {
  name: 'credit-changes',
  routes: [creditChangesRoutes],
  register(registry) {
    registry.approvalOutcome('credit_change', applyCreditChangeOutcome);
  },
};
