import type { QiaoModule } from '../module.ts';
import { liveRoutes } from './live.routes.ts';

export const liveModule: QiaoModule = {
  name: 'live',
  routes: [liveRoutes],
};
