import type { QiaoModule } from '../module.ts';
import { attachmentsRoutes } from './attachments.routes.ts';

export const attachmentsModule: QiaoModule = {
  name: 'attachments',
  routes: [attachmentsRoutes],
};
