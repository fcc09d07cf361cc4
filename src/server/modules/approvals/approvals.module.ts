import type { QiaoModule } from '../module.ts';
import { approvalsRoutes } from './approvals.routes.ts';

export const approvalsModule: QiaoModule = {
  name: 'approvals',
  routes: [approvalsRoutes],
};
