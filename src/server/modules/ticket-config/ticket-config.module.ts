import type { QiaoModule } from '../module.ts';
import { cannedRoutes } from './canned.routes.ts';
import { ticketConfigRoutes } from './ticket-config.routes.ts';

export const ticketConfigModule: QiaoModule = {
  name: 'ticket-config',
  routes: [ticketConfigRoutes, cannedRoutes],
};
