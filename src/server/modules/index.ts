import { approvalsModule } from './approvals/approvals.module.ts';
import { assignmentModule } from './assignment/assignment.module.ts';
import { attachmentsModule } from './attachments/attachments.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { calendarModule } from './calendar/calendar.module.ts';
import { callsModule } from './calls/calls.module.ts';
import { capasModule } from './capas/capas.module.ts';
import { careModule } from './care/care.module.ts';
import { complaintAnalysisModule } from './complaint-analysis/complaint-analysis.module.ts';
import { complaintsModule } from './complaints/complaints.module.ts';
import { creditChangesModule } from './credit-changes/credit-changes.module.ts';
import { customerApplicationsModule } from './customer-applications/customer-applications.module.ts';
import { customersModule } from './customers/customers.module.ts';
import { departmentsModule } from './departments/departments.module.ts';
import { emailModule } from './email/email.module.ts';
import { healthModule } from './health/health.module.ts';
import { idempotencyModule } from './idempotency/idempotency.module.ts';
import { keyAccountsModule } from './key-accounts/key-accounts.module.ts';
import { knowledgeModule } from './knowledge/knowledge.module.ts';
import { liveModule } from './live/live.module.ts';
import type { QiaoModule } from './module.ts';
import { notificationsModule } from './notifications/notifications.module.ts';
import { organisationModule } from './organisation/organisation.module.ts';
import { portalModule } from './portal/portal.module.ts';
import { returnsModule } from './returns/returns.module.ts';
import { rolesModule } from './roles/roles.module.ts';
import { searchModule } from './search/search.module.ts';
import { ticketConfigModule } from './ticket-config/ticket-config.module.ts';
import { ticketsModule } from './tickets/tickets.module.ts';
import { tokensModule } from './tokens/tokens.module.ts';
import { usersModule } from './users/users.module.ts';

/**
 * Every module of Qiao, in the order their routes are registered. This list is the one place that says
 * what runs: buildApp() registers each module's routes, and installModules() lets each hang its approval
 * outcomes, request hooks and scheduled jobs onto the registry.
 */
export const MODULES: readonly QiaoModule[] = [
  healthModule,
  authModule,
  usersModule,
  rolesModule,
  departmentsModule,
  organisationModule,
  calendarModule,
  tokensModule,
  ticketsModule,
  customersModule,
  careModule,
  keyAccountsModule,
  approvalsModule,
  creditChangesModule,
  customerApplicationsModule,
  complaintsModule,
  capasModule,
  returnsModule,
  searchModule,
  complaintAnalysisModule,
  attachmentsModule,
  assignmentModule,
  ticketConfigModule,
  callsModule,
  notificationsModule,
  portalModule,
  emailModule,
  knowledgeModule,
  auditModule,
  liveModule,
  idempotencyModule,
];
