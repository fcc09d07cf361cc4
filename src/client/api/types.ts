/** Response shapes of the API, inferred from the shared zod schemas (types only: no schema code is bundled). */
export type { AuditEntryView } from '../../shared/schemas/audit.ts';
export type { CalendarView } from '../../shared/schemas/calendar.ts';
export type { DepartmentView } from '../../shared/schemas/departments.ts';
export type { OrganisationView } from '../../shared/schemas/organisation.ts';
export type { RoleView } from '../../shared/schemas/roles.ts';
export type { UserView } from '../../shared/schemas/users.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Ok {
  ok: true;
}
