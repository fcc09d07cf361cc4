import type { z } from 'zod';
import type {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStage,
} from '../../shared/complaints/complaint-flow.ts';
import { DEFAULT_ROLES } from '../../shared/default-roles.ts';
import type { Locale } from '../../shared/locale.ts';
import { ALL_PERMISSIONS, type Permission } from '../../shared/permissions.ts';
import type { ApprovalStepView } from '../../shared/schemas/approvals.ts';
import type { TeamView, teamCreate } from '../../shared/schemas/assignment.ts';
import type { CapaActionView, CapaDetail, capaActionCreate, capaCreate } from '../../shared/schemas/capas.ts';
import type { ComplaintDetail, complaintCreate } from '../../shared/schemas/complaints.ts';
import type {
  ContactView,
  CustomerDetail,
  contactCreate,
  customerCreate,
} from '../../shared/schemas/customers.ts';
import type { DepartmentCreate, DepartmentView } from '../../shared/schemas/departments.ts';
import type { MailboxView, mailboxCreate } from '../../shared/schemas/email.ts';
import type { KbArticleCreate, KbArticleView } from '../../shared/schemas/knowledge.ts';
import type { ReturnDetail, returnCreate } from '../../shared/schemas/returns.ts';
import type { TicketCreate, TicketView } from '../../shared/schemas/tickets.ts';
import type { CHANNELS } from '../../shared/tickets/ticket-status.ts';
import type { RequestContext } from '../http/context.ts';
import type { ApiClient } from './api-client.ts';
import { TEST_USER_PASSWORD } from './fixtures/credentials.ts';
import type { TestApp } from './test-app.ts';

/**
 * The test data of every server test, built the way the people of Qiao build it: through the API as the
 * first administrator (or as the client a test passes), so a built record went through the same checks,
 * numbering, audit and hooks as a real one. Each builder fills in a plausible record and takes the few
 * fields a test cares about as overrides; it throws with the server's answer when the API refuses, so a
 * broken factory never passes for a failing assertion.
 *
 * The `…Row` builders are the exception: they write straight into the tables, for the tests that need
 * what no user can enter (a complaint received 120 days ago, a request created on a fixed date) or that
 * must not run the hooks of the real flow (repeat detection, SLA clocks). Tests read rows to check them,
 * but build them here.
 */

let seq = 0;
/** Unique within the run: a counter and the time, for names and codes. */
export const unique = () => `${++seq}${Date.now().toString(36)}`;

type Input<S extends z.ZodType> = z.input<S>;
type Channel = (typeof CHANNELS)[number];

// ——— the administrator and generic API calls ———

const admins = new WeakMap<TestApp, Promise<ApiClient>>();

/** The first administrator, signed in once per test app (and again if a test ended that session). */
export function asAdmin(t: TestApp): Promise<ApiClient> {
  let client = admins.get(t);
  if (!client) {
    client = t.admin();
    admins.set(t, client);
    client.catch(() => admins.delete(t));
  }
  return client;
}

/** A request as `client`, or as the administrator (signing in again once if a test ended that session). */
async function call<T>(
  t: TestApp,
  client: ApiClient | undefined,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const res = await (client ?? (await asAdmin(t))).request<T>(method, path, body);
  if (res.status !== 401 || client) return res;
  admins.delete(t);
  return (await asAdmin(t)).request<T>(method, path, body);
}

/** POSTs and returns the body, or throws with the server's answer. */
async function send<T>(
  t: TestApp,
  client: ApiClient | undefined,
  path: string,
  body: unknown,
  expected = 201,
): Promise<T> {
  const res = await call<T>(t, client, 'POST', path, body);
  if (res.status !== expected)
    throw new Error(
      `POST ${path} → ${res.status} ${JSON.stringify(res.body)} (sent ${JSON.stringify(body)})`,
    );
  return res.body;
}

async function read<T>(t: TestApp, client: ApiClient | undefined, path: string): Promise<T> {
  const res = await call<T>(t, client, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A service-level context acting as the first administrator, for tests that call a service directly. */
export async function staffContext(t: TestApp): Promise<RequestContext> {
  const admin = await t.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return {
    actor: {
      userId: admin.id,
      username: admin.username,
      displayName: admin.display_name,
      permissions: new Set(ALL_PERMISSIONS),
      via: 'session',
    },
    ip: '127.0.0.1',
    requestId: 'test',
    locale: 'zh-CN',
  };
}

// ——— people ———

export interface BuiltUser {
  client: ApiClient;
  userId: number;
  username: string;
}

export interface UserSpec {
  /** Codes of default roles (src/shared/default-roles.ts), as an administrator would give them. */
  roles?: string[];
  /** Permissions held through a role of their own, besides (or instead of) the default roles. */
  permissions?: Permission[];
  /** Username (and display name, unless given); unique by default. */
  name?: string;
  displayName?: string;
  locale?: Locale;
  departmentId?: number;
}

/** A staff user, created by the administrator and signed in. */
export async function buildUser(t: TestApp, spec: UserSpec = {}): Promise<BuiltUser> {
  const roles = spec.roles ?? [];
  const unknownRoles = roles.filter((code) => !DEFAULT_ROLES.some((r) => r.code === code));
  if (unknownRoles.length) throw new Error(`not a default role: ${unknownRoles.join(', ')}`);
  const tag = unique();
  const username = spec.name ?? `${roles[0] ?? 'user'}_${tag}`.slice(0, 50);
  const roleIds = roles.length
    ? (await t.db.selectFrom('role').select('id').where('code', 'in', roles).execute()).map((r) => r.id)
    : [];
  if (spec.permissions?.length) {
    const role = await send<{ id: number }>(t, undefined, '/api/v1/roles', {
      code: `t_${tag}`,
      name: `${username} 的权限`,
      permissions: spec.permissions,
    });
    roleIds.push(role.id);
  }
  const user = await send<{ id: number }>(t, undefined, '/api/v1/users', {
    username,
    displayName: spec.displayName ?? username,
    locale: spec.locale ?? 'zh-CN',
    roleIds,
    departmentId: spec.departmentId ?? null,
    password: TEST_USER_PASSWORD,
  });
  const client = t.client();
  const res = await client.login(username, TEST_USER_PASSWORD);
  if (res.status !== 200) throw new Error(`login failed for ${username}: ${JSON.stringify(res.body)}`);
  return { client, userId: user.id, username };
}

/** `count` users alike (a shift of agents), created one after the other. */
export async function buildUsers(
  t: TestApp,
  count: number,
  spec: Omit<UserSpec, 'name'> = {},
): Promise<BuiltUser[]> {
  const users: BuiltUser[] = [];
  for (let i = 0; i < count; i++) users.push(await buildUser(t, spec));
  return users;
}

/** A department; `headUserId` makes someone its head (部门负责人). */
export async function buildDepartment(
  t: TestApp,
  overrides: Partial<DepartmentCreate> = {},
): Promise<DepartmentView> {
  const tag = unique();
  return send<DepartmentView>(t, undefined, '/api/v1/departments', {
    code: `D${tag}`.toUpperCase(),
    name: `测试部门${tag}`,
    ...overrides,
  });
}

/** A team of agents for the assignment rules. */
export async function buildTeam(
  t: TestApp,
  overrides: Partial<Input<typeof teamCreate>> = {},
): Promise<TeamView> {
  return send<TeamView>(t, undefined, '/api/v1/teams', { name: `测试小组${unique()}`, ...overrides });
}

// ——— customers and contacts ———

/**
 * A customer on file through the customer form: by default admitted (active) with credit II, 100 000 and
 * 45 days, so credit changes and returns can start from it (a prospect has no credit); a duplicate name
 * is allowed.
 */
export async function buildCustomer(
  t: TestApp,
  overrides: Partial<Input<typeof customerCreate>> = {},
): Promise<CustomerDetail> {
  const admitted = (overrides.lifecycle ?? 'active') === 'active';
  return send<CustomerDetail>(t, undefined, '/api/v1/customers', {
    name: `测试客户${unique()}`,
    ...(admitted ? { creditLevel: 'II', creditLimit: 100_000, creditPeriodDays: 45 } : {}),
    allowDuplicate: true,
    ...overrides,
  });
}

/**
 * A contact of a customer, added on the customer file. `customerId: null` is a person not yet linked to
 * any customer (as a first email or a portal invitation finds them) and is written straight in the table.
 */
export async function buildContact(
  t: TestApp,
  spec: { customerId: number | null } & Partial<Input<typeof contactCreate>>,
): Promise<ContactView> {
  const { customerId, ...contact } = spec;
  const body = { name: `联系人${unique()}`, ...contact };
  if (customerId !== null)
    return send<ContactView>(t, undefined, `/api/v1/customers/${customerId}/contacts`, body);
  const row = await t.db
    .insertInto('contact')
    .values({
      name: body.name,
      email: body.email ?? null,
      phone: body.phone ?? null,
      mobile: body.mobile ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return read<ContactView>(t, undefined, `/api/v1/contacts/${row.id}`);
}

// ——— service requests ———

/** The id of a ticket type by its code (inquiry, repair, complaint, technical_support, order_issue…). */
export async function ticketTypeId(t: TestApp, code = 'inquiry'): Promise<number> {
  return (
    await t.db.selectFrom('ticket_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

export type TicketSpec = Partial<TicketCreate> & {
  /** Who registers it: the administrator by default. */
  client?: ApiClient;
  /** The ticket type's code, when `typeId` is not given. */
  type?: string;
};

/** A service request registered on the request form. */
export async function buildTicket(t: TestApp, spec: TicketSpec = {}): Promise<TicketView> {
  const { client, type, ...input } = spec;
  return send<TicketView>(t, client, '/api/v1/tickets', {
    typeId: input.typeId ?? (await ticketTypeId(t, type)),
    subject: `测试请求 ${unique()}`,
    ...input,
  });
}

export interface TicketRowSpec {
  type?: string;
  number?: string;
  subject?: string;
  channel?: Channel;
  customerId?: number | null;
  createdAt?: Date;
  mergedIntoId?: number | null;
}

/** A request row as of `createdAt`, without SLA clocks or hooks (for analyses over past months). */
export async function buildTicketRow(
  t: TestApp,
  spec: TicketRowSpec = {},
): Promise<{ id: number; number: string }> {
  const tag = unique();
  return t.db
    .insertInto('ticket')
    .values({
      number: spec.number ?? `TT-${tag}`,
      subject: spec.subject ?? `测试请求 ${tag}`,
      channel: spec.channel ?? 'phone',
      type_id: await ticketTypeId(t, spec.type ?? 'inquiry'),
      customer_id: spec.customerId ?? null,
      merged_into_id: spec.mergedIntoId ?? null,
      ...(spec.createdAt ? { created_at: spec.createdAt } : {}),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

// ——— complaints ———

export type ComplaintSpec = Partial<Input<typeof complaintCreate>> & {
  /** Who registers it: the administrator by default. */
  client?: ApiClient;
};

/** A complaint registered on the complaint form (request, record and the first step's clock); a new customer unless `customerId` is given. */
export async function buildComplaint(t: TestApp, spec: ComplaintSpec = {}): Promise<ComplaintDetail> {
  const { client, ...input } = spec;
  const customerId = input.customerId === undefined ? (await buildCustomer(t)).id : input.customerId;
  return send<ComplaintDetail>(t, client, '/api/v1/complaints', {
    subject: '叉车液压油管漏油',
    content: '上周交付的 3 台叉车液压油管漏油，影响生产',
    channel: 'phone',
    objectType: 'product',
    product: 'FD30 叉车',
    category: 'quality_defect',
    severity: 'major',
    demand: '更换油管并赔偿停产损失',
    ...input,
    customerId,
  });
}

export interface ComplaintRowSpec {
  number?: string;
  customerId?: number | null;
  customerClass?: string | null;
  channel?: Channel;
  receivedAt?: Date;
  category?: ComplaintCategory;
  product?: string | null;
  severity?: ComplaintSeverity;
  content?: string;
  stage?: ComplaintStage;
  validity?: 'pending' | 'valid' | 'not_valid';
  departmentId?: number | null;
  closedAt?: Date | null;
  /** Its request (of type 投诉), created at `receivedAt` unless told otherwise. */
  ticket?: TicketRowSpec;
}

/**
 * A complaint straight in the tables (its request row too), for modules that start from one: no repeat
 * detection, no step clock. The complaint screens are tested in their own module with `buildComplaint`.
 */
export async function buildComplaintRow(t: TestApp, spec: ComplaintRowSpec = {}) {
  const tag = unique();
  const receivedAt = spec.receivedAt ?? new Date();
  const ticket = await buildTicketRow(t, {
    type: 'complaint',
    subject: `投诉 ${tag}`,
    createdAt: receivedAt,
    channel: spec.channel ?? 'phone',
    ...spec.ticket,
  });
  return t.db
    .insertInto('complaint')
    .values({
      number: spec.number ?? `TS-${tag}`,
      ticket_id: ticket.id,
      customer_id: spec.customerId ?? null,
      customer_class: spec.customerClass ?? null,
      channel: spec.channel ?? 'phone',
      content: spec.content ?? '客户反映产品表面有划伤',
      product: spec.product ?? null,
      category: spec.category ?? 'quality_defect',
      severity: spec.severity ?? 'normal',
      stage: spec.stage ?? 'acknowledge',
      validity: spec.validity ?? 'pending',
      responsible_department_id: spec.departmentId ?? null,
      closed_at: spec.closedAt ?? null,
      received_at: receivedAt,
    })
    .returning(['id', 'number', 'ticket_id', 'product', 'category', 'received_at'])
    .executeTakeFirstOrThrow();
}

// ——— approvals ———

/** The step of an approval request now waiting for a decision. */
export async function pendingStep(client: ApiClient, approvalId: number): Promise<ApprovalStepView> {
  const request = await client.get(`/api/v1/approvals/${approvalId}`);
  const step = request.body.steps.find((s) => s.status === 'pending');
  if (!step) throw new Error(`no pending step: ${JSON.stringify(request.body)}`);
  return step;
}

/** Decides the pending step of an approval request as a new user holding the default role `roleCode`. */
export async function decideApproval(
  t: TestApp,
  requestId: number,
  roleCode: string,
  decision: 'approve' | 'reject',
  comment?: string,
) {
  const pending = await t.db
    .selectFrom('approval_step')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const approver = await buildUser(t, { roles: [roleCode] });
  return approver.client.post(`/api/v1/approvals/steps/${pending.id}/decide`, {
    decision,
    ...(comment ? { comment } : {}),
  });
}

// ——— returns ———

/** The body of a 《退货通知单》: two lines of bearings. */
export function returnNoticeBody(
  customerId: number,
  extra: Partial<Input<typeof returnCreate>> = {},
): Input<typeof returnCreate> {
  return {
    customerId,
    orderRef: 'DD20260301-0007',
    reason: '客户反映轴承异响，整批退回',
    items: [
      { product: '深沟球轴承', spec: '6204-2RS', unit: '个', quantity: 100 },
      { product: '轴承座', spec: 'UCP204', unit: '套', quantity: 20 },
    ],
    ...extra,
  };
}

/** The receipt of a notice counted exactly as notified. */
export const receiveAll = (notice: ReturnDetail) => ({
  items: notice.items.map((i) => ({ itemId: i.id, receivedQuantity: i.quantity })),
});

/** The inspection of a notice: defect confirmed on `defective` of each line. */
export const inspectAll = (notice: ReturnDetail, defective = 5) => ({
  defectConfirmed: true,
  note: '保持架变形导致异响，属制程不良',
  items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: Math.min(defective, i.quantity) })),
});

export type ReturnSpec = Partial<Input<typeof returnCreate>> & {
  /** Who files it (营业部): the administrator by default. */
  client?: ApiClient;
  /** Received in full by this client (仓储)… */
  receivedBy?: ApiClient;
  /** …and inspected by this one (品保部), waiting for its disposition. */
  inspectedBy?: ApiClient;
};

/** A return notice, for a new customer unless `customerId` or `complaintId` is given; received and inspected when asked. */
export async function buildReturn(t: TestApp, spec: ReturnSpec = {}): Promise<ReturnDetail> {
  const { client, receivedBy, inspectedBy, ...input } = spec;
  const customerId =
    input.customerId !== undefined || input.complaintId ? input.customerId : (await buildCustomer(t)).id;
  let notice = await send<ReturnDetail>(t, client, '/api/v1/returns', {
    ...returnNoticeBody(customerId ?? 0),
    ...input,
    customerId,
  });
  if (receivedBy)
    notice = await send<ReturnDetail>(
      t,
      receivedBy,
      `/api/v1/returns/${notice.id}/receive`,
      receiveAll(notice),
      200,
    );
  if (inspectedBy)
    notice = await send<ReturnDetail>(
      t,
      inspectedBy,
      `/api/v1/returns/${notice.id}/inspect`,
      inspectAll(notice),
      200,
    );
  return notice;
}

// ——— CAPA ———

/** Action due dates far ahead, so only a test's own dates are ever overdue. */
export const FAR_DUE = '2099-12-31';

/** The body of a standalone CAPA report (packaging damaged by damp); loose, so a test may send what the form would refuse. */
export function capaBody(extra: Record<string, unknown> = {}) {
  return {
    source: 'internal',
    title: '包装箱受潮导致纸箱塌陷',
    problem: '11 月出货的 3 批次纸箱在仓库受潮，运输中塌陷',
    ...extra,
  };
}

export type CapaSpec = Partial<Input<typeof capaCreate>> & {
  /** Who raises it: the administrator by default. */
  client?: ApiClient;
  /** Started: a root cause, one corrective action (the detail's `actions[0]`), and in progress. */
  start?: boolean;
};

/** A CAPA report raised through the API; `start: true` takes it to in progress. */
export async function buildCapa(t: TestApp, spec: CapaSpec = {}): Promise<CapaDetail> {
  const { client, start, ...input } = spec;
  const capa = await send<CapaDetail>(
    t,
    client,
    '/api/v1/capas',
    capaBody({ ...(start ? { rootCause: '仓库无温湿度控制' } : {}), ...input }),
  );
  if (!start) return capa;
  await buildCapaAction(t, { client, capaId: capa.id });
  return send<CapaDetail>(t, client, `/api/v1/capas/${capa.id}/start`, {}, 200);
}

/** An action of a CAPA: corrective, due far ahead, unless told otherwise. */
export async function buildCapaAction(
  t: TestApp,
  spec: { capaId: number; client?: ApiClient } & Partial<Input<typeof capaActionCreate>>,
): Promise<CapaActionView> {
  const { capaId, client, ...input } = spec;
  return send<CapaActionView>(t, client, `/api/v1/capas/${capaId}/actions`, {
    kind: 'corrective',
    description: '仓库加装除湿机，纸箱离地存放',
    dueDate: FAR_DUE,
    ...input,
  });
}

// ——— knowledge base ———

export type ArticleSpec = Partial<KbArticleCreate> & {
  /** Who writes it: the administrator by default. */
  client?: ApiClient;
  /** Draft by default; published or archived (published first) when asked. */
  status?: 'draft' | 'published' | 'archived';
};

/** A knowledge article written through the editor, then published or archived when asked. */
export async function buildArticle(t: TestApp, spec: ArticleSpec = {}): Promise<KbArticleView> {
  const { client, status = 'draft', ...input } = spec;
  let article = await send<KbArticleView>(t, client, '/api/v1/kb/articles', {
    title: '发票开具说明',
    bodyHtml: '<p>下单后可在订单详情页申请<strong>电子发票</strong>。</p>',
    ...input,
  });
  if (status !== 'draft')
    article = await send<KbArticleView>(t, client, `/api/v1/kb/articles/${article.id}/publish`, {}, 200);
  if (status === 'archived')
    article = await send<KbArticleView>(t, client, `/api/v1/kb/articles/${article.id}/archive`, {}, 200);
  return article;
}

// ——— email ———

/** A mailbox created on the admin screen; plain IMAP and SMTP (the test servers speak no TLS). */
export async function buildMailbox(
  t: TestApp,
  input: Partial<Input<typeof mailboxCreate>> & { address: string },
): Promise<MailboxView> {
  return send<MailboxView>(t, undefined, '/api/v1/mailboxes', {
    name: '客服邮箱',
    imapTls: false,
    smtpSecure: false,
    ...input,
  });
}

// ——— the customer portal ———

export const PORTAL_PASSWORD = 'Kehu-2026!';

/** The one-time link token most recently emailed to an address (what the customer would click). */
export async function linkTokenSentTo(t: TestApp, email: string): Promise<string> {
  const message = await t.db
    .selectFrom('outbound_message')
    .select('body')
    .where('recipient', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = message.body.match(/token=([^\s&]+)/);
  if (!match?.[1]) throw new Error(`no link in: ${message.body}`);
  return decodeURIComponent(match[1]);
}

/** Signs a portal client in and takes its CSRF token, as the portal page does. */
export async function portalSignIn(client: ApiClient, email: string, password: string) {
  const res = await client.post('/api/portal/login', { email, password });
  if (res.status === 200) client.csrfToken = (await client.get('/api/portal/me')).body.csrfToken;
  return res;
}

export interface PortalContact {
  client: ApiClient;
  email: string;
  contactId: number;
  customerId: number | null;
}

/** A customer who signed up on the portal, verified the emailed link and is signed in. */
export async function buildPortalContact(
  t: TestApp,
  spec: { email?: string; name?: string; company?: string; password?: string } = {},
): Promise<PortalContact> {
  const email = spec.email ?? `kehu${unique()}@portal.example`;
  const password = spec.password ?? PORTAL_PASSWORD;
  const client = t.client();
  const registered = await client.post('/api/portal/register', {
    name: spec.name ?? '王女士',
    email,
    password,
    ...(spec.company ? { company: spec.company } : {}),
  });
  if (registered.status !== 202)
    throw new Error(`portal sign-up → ${registered.status} ${JSON.stringify(registered.body)}`);
  const verified = await client.post('/api/portal/verify', { token: await linkTokenSentTo(t, email) });
  if (verified.status !== 200) throw new Error(`portal verification → ${verified.status}`);
  const login = await portalSignIn(client, email, password);
  if (login.status !== 200) throw new Error(`portal sign-in → ${login.status} ${JSON.stringify(login.body)}`);
  const me = await client.get('/api/portal/me');
  return { client, email, contactId: me.body.contact.id, customerId: me.body.contact.customerId };
}
