import type { QiaoModule } from '../module.ts';
import { portalAuthRoutes } from './portal-auth.routes.ts';
import { portalTicketsRoutes } from './portal-tickets.routes.ts';
import { publicFormRoutes } from './public-form.routes.ts';

export const portalModule: QiaoModule = {
  name: 'portal',
  routes: [portalAuthRoutes, portalTicketsRoutes, publicFormRoutes],
};
