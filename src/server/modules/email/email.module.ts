import type { QiaoModule } from '../module.ts';
import { registerEmailJobs } from './email.jobs.ts';
import { emailRoutes } from './email.routes.ts';

export const emailModule: QiaoModule = {
  name: 'email',
  routes: [emailRoutes],
  register(registry) {
    // IMAP polling every minute (one poller per mailbox) and outbound replies with retries.
    registry.queues('email', registerEmailJobs);
  },
};
