import type pg from 'pg';
import type { Database } from './db/database.ts';
import type { AttachmentStore } from './modules/attachments/store.ts';
import type { LiveBus } from './modules/live/live-bus.ts';

/** What route plugins need from the running instance; built once in buildApp (and by tests). */
export interface AppDeps {
  db: Database;
  pool: pg.Pool;
  live: LiveBus;
  secureCookies: boolean;
  dbMode: 'embedded' | 'external';
  version: string;
  /** The address customers reach Qiao at, for links in emails (never taken from request headers). */
  publicUrl: string;
  /** Where attachment bytes are kept. */
  attachments: AttachmentStore;
}
