import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { registerAuthentication } from './http/authentication.ts';
import { registerErrorHandling, sendError } from './http/errors.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { approvalsRoutes } from './modules/approvals/approvals.routes.ts';
import { assignmentRoutes } from './modules/assignment/assignment.routes.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { callsRoutes } from './modules/calls/calls.routes.ts';
import { capasRoutes } from './modules/capas/capas.routes.ts';
import { careRoutes } from './modules/care/care.routes.ts';
import { complaintAnalysisRoutes } from './modules/complaint-analysis/complaint-analysis.routes.ts';
import { compensationRoutes } from './modules/complaints/compensation.routes.ts';
import { complaintSettingsRoutes } from './modules/complaints/complaint-settings.routes.ts';
import { complaintsRoutes } from './modules/complaints/complaints.routes.ts';
import { creditChangesRoutes } from './modules/credit-changes/credit-changes.routes.ts';
import { customerApplicationsRoutes } from './modules/customer-applications/customer-applications.routes.ts';
import { customerFieldsRoutes } from './modules/customers/customer-fields.routes.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { customerDocumentsRoutes } from './modules/customers/documents.routes.ts';
import { customerImportExportRoutes } from './modules/customers/import-export.routes.ts';
import { customerLookupRoutes } from './modules/customers/lookup.routes.ts';
import { customerSettingsRoutes } from './modules/customers/settings.routes.ts';
import { customerTimelineRoutes } from './modules/customers/timeline.routes.ts';
import { departmentsRoutes } from './modules/departments/departments.routes.ts';
import { emailRoutes } from './modules/email/email.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { keyAccountsRoutes } from './modules/key-accounts/key-accounts.routes.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { portalAuthRoutes } from './modules/portal/portal-auth.routes.ts';
import { portalTicketsRoutes } from './modules/portal/portal-tickets.routes.ts';
import { publicFormRoutes } from './modules/portal/public-form.routes.ts';
import { returnsRoutes } from './modules/returns/returns.routes.ts';
import { rolesRoutes } from './modules/roles/roles.routes.ts';
import { cannedRoutes } from './modules/ticket-config/canned.routes.ts';
import { ticketConfigRoutes } from './modules/ticket-config/ticket-config.routes.ts';
import { ticketBulkRoutes } from './modules/tickets/bulk.routes.ts';
import { ticketRelationsRoutes } from './modules/tickets/relations.routes.ts';
import { ticketsRoutes } from './modules/tickets/tickets.routes.ts';
import { tokensRoutes } from './modules/tokens/tokens.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** The built SPA (dist/client); served with an index.html fallback when present. */
  clientDir?: string;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Live-update streams stay open; shutdown must not wait for browsers to hang up.
    forceCloseConnections: true,
    trustProxy: process.env.QIAO_TRUST_PROXY === 'true',
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes component styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Knowledge-base articles may show images hosted elsewhere over HTTPS (email HTML has remote images removed).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Intranet installs often run on plain http; upgrading would break every asset there.
        upgradeInsecureRequests: null,
      },
    },
    hsts: options.secureCookies,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);

  registerErrorHandling(app);
  registerAuthentication(app, options.db);
  registerMetrics(app, options.pool);
  await registerOpenApi(app, options.version);

  for (const routes of [
    healthRoutes,
    authRoutes,
    usersRoutes,
    rolesRoutes,
    departmentsRoutes,
    organisationRoutes,
    calendarRoutes,
    tokensRoutes,
    ticketsRoutes,
    ticketBulkRoutes,
    ticketRelationsRoutes,
    customerLookupRoutes,
    customersRoutes,
    customerTimelineRoutes,
    customerSettingsRoutes,
    customerImportExportRoutes,
    customerDocumentsRoutes,
    customerFieldsRoutes,
    careRoutes,
    keyAccountsRoutes,
    approvalsRoutes,
    creditChangesRoutes,
    customerApplicationsRoutes,
    complaintsRoutes,
    compensationRoutes,
    complaintSettingsRoutes,
    capasRoutes,
    returnsRoutes,
    complaintAnalysisRoutes,
    attachmentsRoutes,
    assignmentRoutes,
    ticketConfigRoutes,
    cannedRoutes,
    callsRoutes,
    notificationsRoutes,
    portalAuthRoutes,
    portalTicketsRoutes,
    publicFormRoutes,
    emailRoutes,
    knowledgeRoutes,
    auditRoutes,
    liveRoutes,
  ]) {
    await app.register(routes(options));
  }

  const clientDir = options.clientDir;
  const spa = !!clientDir && existsSync(path.join(clientDir, 'index.html'));
  if (spa)
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  // Client-side routes (/users, /portal/…) get the SPA; unknown /api paths get the JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (spa && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return sendError(reply, request, 404, 'ROUTE_NOT_FOUND');
  });
  return app;
}
