import type { QiaoModule } from '../module.ts';
import { usersRoutes } from './users.routes.ts';

export const usersModule: QiaoModule = {
  name: 'users',
  routes: [usersRoutes],
};
