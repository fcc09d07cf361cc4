import type { QiaoModule } from '../module.ts';
import { deliverPending } from './delivery.service.ts';
import { notificationsRoutes } from './notifications.routes.ts';

export const notificationsModule: QiaoModule = {
  name: 'notifications',
  routes: [notificationsRoutes],
  register(registry) {
    // Notifications by email/SMS: delivered every minute, and at once when a message is queued.
    registry.job({
      name: 'outbound.deliver',
      cron: '* * * * *',
      zone: 'utc',
      run: async (db) => void (await deliverPending(db)),
    });
  },
};
