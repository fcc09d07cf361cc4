import type { QiaoModule } from '../module.ts';
import { organisationRoutes } from './organisation.routes.ts';

export const organisationModule: QiaoModule = {
  name: 'organisation',
  routes: [organisationRoutes],
};
