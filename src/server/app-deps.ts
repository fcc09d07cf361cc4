import type pg from 'pg';
import type { ConnectionState } from './db/connection-state.ts';
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
  /**
   * The long-lived connections this node runs besides the pool and the live bus, each reporting its
   * own state for /api/health. One this node does not run (a test app) is absent and counts as ok.
   */
  connections?: { outbound?: () => ConnectionState; jobs?: () => ConnectionState };
}
