import type { QiaoModule } from '../module.ts';
import { departmentsRoutes } from './departments.routes.ts';

export const departmentsModule: QiaoModule = {
  name: 'departments',
  routes: [departmentsRoutes],
};
