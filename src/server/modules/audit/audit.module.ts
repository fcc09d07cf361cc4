import type { QiaoModule } from '../module.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule: QiaoModule = {
  name: 'audit',
  routes: [auditRoutes],
};
