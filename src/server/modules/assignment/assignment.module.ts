import type { QiaoModule } from '../module.ts';
import { assignmentRoutes } from './assignment.routes.ts';

export const assignmentModule: QiaoModule = {
  name: 'assignment',
  routes: [assignmentRoutes],
};
