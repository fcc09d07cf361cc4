import type { QiaoModule } from '../module.ts';
import { remindRevisits } from './key-accounts.jobs.ts';
import { keyAccountsRoutes } from './key-accounts.routes.ts';
import { applyKeyAccountOutcome } from './key-accounts.service.ts';

export const keyAccountsModule: QiaoModule = {
  name: 'key-accounts',
  routes: [keyAccountsRoutes],
  register(registry) {
    registry.approvalOutcome('key_account', applyKeyAccountOutcome);
    // The specialist is reminded each morning of revisits that are due.
    registry.job({
      name: 'key_accounts.revisits',
      cron: '10 8 * * *',
      zone: 'organisation',
      async run(db, log) {
        const due = await remindRevisits(db);
        if (due) log(`key accounts: ${due} revisits due`);
      },
    });
  },
};
