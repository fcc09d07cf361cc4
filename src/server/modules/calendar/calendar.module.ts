import type { QiaoModule } from '../module.ts';
import { calendarRoutes } from './calendar.routes.ts';

export const calendarModule: QiaoModule = {
  name: 'calendar',
  routes: [calendarRoutes],
};
