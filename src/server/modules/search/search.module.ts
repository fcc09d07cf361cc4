import type { QiaoModule } from '../module.ts';
import { searchRoutes } from './search.routes.ts';

export const searchModule: QiaoModule = {
  name: 'search',
  routes: [searchRoutes],
};
