import type { QiaoModule } from '../module.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule: QiaoModule = {
  name: 'health',
  routes: [healthRoutes],
};
