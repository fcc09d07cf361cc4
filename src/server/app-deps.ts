import type pg from 'pg';
import type { Database } from './db/database.ts';
import type { LiveBus } from './modules/live/live-bus.ts';

/** What route plugins need from the running instance; built once in buildApp (and by tests). */
export interface AppDeps {
  db: Database;
  pool: pg.Pool;
  live: LiveBus;
  secureCookies: boolean;
  dbMode: 'embedded' | 'external';
  version: string;
}
