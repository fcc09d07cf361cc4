import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_service_requests.ts';
import * as m0006 from './0006_assignment.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_service_requests': m0002,
  '0006_assignment': m0006,
};
