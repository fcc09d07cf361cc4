import type { QiaoModule } from '../module.ts';
import { returnsRoutes } from './returns.routes.ts';

export const returnsModule: QiaoModule = {
  name: 'returns',
  routes: [returnsRoutes],
};
