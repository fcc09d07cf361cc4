import type { QiaoModule } from '../module.ts';
import { rolesRoutes } from './roles.routes.ts';

export const rolesModule: QiaoModule = {
  name: 'roles',
  routes: [rolesRoutes],
};
