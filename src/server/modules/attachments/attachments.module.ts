import type { QiaoModule } from '../module.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import { deleteOrphanBlobs } from './blob.queries.ts';

export const attachmentsModule: QiaoModule = {
  name: 'attachments',
  routes: [attachmentsRoutes],
  register(registry) {
    // Chunks of uploads that never became an attachment (a failed upload, a node killed mid-upload).
    registry.job({
      name: 'attachments.orphans',
      cron: '40 3 * * *',
      zone: 'organisation',
      async run(db, log) {
        const removed = await deleteOrphanBlobs(db, 24);
        if (removed) log(`attachments: ${removed} chunks of unfinished uploads removed`);
      },
    });
  },
};
