import type { QiaoModule } from '../module.ts';
import { callsRoutes } from './calls.routes.ts';

export const callsModule: QiaoModule = {
  name: 'calls',
  routes: [callsRoutes],
};
