import type { z } from 'zod';
import type { approvalInboxItem, approvalRequestView } from '../../shared/schemas/approvals.ts';
import type { teamView } from '../../shared/schemas/assignment.ts';
import type { meResponse } from '../../shared/schemas/auth.ts';
import type { callView } from '../../shared/schemas/calls.ts';
import type { capaActionView, capaBoard, capaDetail, capaView } from '../../shared/schemas/capas.ts';
import type { compensationView, complaintDetail, complaintView } from '../../shared/schemas/complaints.ts';
import type { creditChangeDetail, creditChangeView } from '../../shared/schemas/credit-changes.ts';
import type { applicationDetail, applicationView } from '../../shared/schemas/customer-applications.ts';
import type { contactView, customerDetail, customerListItem } from '../../shared/schemas/customers.ts';
import type { departmentView } from '../../shared/schemas/departments.ts';
import type { mailboxView } from '../../shared/schemas/email.ts';
import type { kbArticleSummary, kbArticleView, kbCategoryView } from '../../shared/schemas/knowledge.ts';
import type { portalMe } from '../../shared/schemas/portal.ts';
import type { returnDetail, returnView } from '../../shared/schemas/returns.ts';
import type { roleView } from '../../shared/schemas/roles.ts';
import type { ticketView } from '../../shared/schemas/tickets.ts';
import type { userView } from '../../shared/schemas/users.ts';

/**
 * What the common staff API routes answer, typed from the same shared zod schemas the routes declare as
 * their responses, so that `res.body.number` in a test is type-checked. A path written as a template
 * (`/api/v1/tickets/${id}`) picks its entry; any other path stays `unknown` (or the caller's `get<T>`).
 * Only the success body is typed: an error answer is read with `errorCode(res.body)`.
 */
type Id = number;
type Of<S extends z.ZodType> = z.infer<S>;
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}
export interface NumberedPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list route, with or without its query string. */
type List<Path extends string, Body> = { [P in Path]: Body } & { [P in `${Path}?${string}`]: Body };

export type GetRoutes = {
  '/api/auth/me': Of<typeof meResponse>;
  '/api/portal/me': Of<typeof portalMe>;
} & List<'/api/v1/tickets', CursorPage<Of<typeof ticketView>>> &
  List<'/api/v1/customers', CursorPage<Of<typeof customerListItem>>> &
  List<'/api/v1/complaints', CursorPage<Of<typeof complaintView>>> &
  List<'/api/v1/returns', CursorPage<Of<typeof returnView>>> &
  List<'/api/v1/capas', CursorPage<Of<typeof capaView>>> &
  List<'/api/v1/capas/board', Of<typeof capaBoard>> &
  List<'/api/v1/approvals/inbox', CursorPage<Of<typeof approvalInboxItem>>> &
  List<'/api/v1/customer-applications', CursorPage<Of<typeof applicationView>>> &
  List<'/api/v1/credit-changes', CursorPage<Of<typeof creditChangeView>>> &
  List<'/api/v1/users', NumberedPage<Of<typeof userView>>> &
  List<'/api/v1/kb/articles', CursorPage<Of<typeof kbArticleSummary>>> &
  List<'/api/v1/calls', CursorPage<Of<typeof callView>>> & {
    '/api/v1/roles': Of<typeof roleView>[];
    '/api/v1/departments': Of<typeof departmentView>[];
    '/api/v1/teams': Of<typeof teamView>[];
    '/api/v1/mailboxes': Of<typeof mailboxView>[];
    '/api/v1/kb/categories': Of<typeof kbCategoryView>[];
    [path: `/api/v1/tickets/${Id}`]: Of<typeof ticketView>;
    [path: `/api/v1/customers/${Id}`]: Of<typeof customerDetail>;
    [path: `/api/v1/customers/${Id}/contacts`]: Of<typeof contactView>[];
    [path: `/api/v1/contacts/${Id}`]: Of<typeof contactView>;
    [path: `/api/v1/complaints/${Id}`]: Of<typeof complaintDetail>;
    [path: `/api/v1/returns/${Id}`]: Of<typeof returnDetail>;
    [path: `/api/v1/capas/${Id}`]: Of<typeof capaDetail>;
    [path: `/api/v1/approvals/${Id}`]: Of<typeof approvalRequestView>;
    [path: `/api/v1/customer-applications/${Id}`]: Of<typeof applicationDetail>;
    [path: `/api/v1/credit-changes/${Id}`]: Of<typeof creditChangeDetail>;
    [path: `/api/v1/users/${Id}`]: Of<typeof userView>;
    [path: `/api/v1/kb/articles/${Id}`]: Of<typeof kbArticleView>;
    [path: `/api/v1/mailboxes/${Id}`]: Of<typeof mailboxView>;
  };

type ReturnAction = 'receive' | 'inspect' | 'dispose' | 'rework-done' | 'delivered' | 'close' | 'cancel';
type CapaAction = 'start' | 'submit' | 'verify' | 'accept' | 'dismiss';

export interface PostRoutes {
  '/api/v1/tickets': Of<typeof ticketView>;
  '/api/v1/customers': Of<typeof customerDetail>;
  '/api/v1/complaints': Of<typeof complaintDetail>;
  '/api/v1/returns': Of<typeof returnDetail>;
  '/api/v1/capas': Of<typeof capaDetail>;
  '/api/v1/customer-applications': Of<typeof applicationDetail>;
  '/api/v1/users': Of<typeof userView>;
  '/api/v1/roles': Of<typeof roleView>;
  '/api/v1/departments': Of<typeof departmentView>;
  '/api/v1/teams': Of<typeof teamView>;
  '/api/v1/mailboxes': Of<typeof mailboxView>;
  '/api/v1/kb/articles': Of<typeof kbArticleView>;
  '/api/v1/kb/categories': Of<typeof kbCategoryView>;
  '/api/v1/calls': Of<typeof callView>;
  [path: `/api/v1/tickets/${Id}/${'transition' | 'assign'}`]: Of<typeof ticketView>;
  [path: `/api/v1/customers/${Id}/contacts`]: Of<typeof contactView>;
  [path: `/api/v1/customers/${Id}/credit-changes`]: Of<typeof creditChangeView>;
  [path: `/api/v1/complaints/${Id}/steps/${string}`]: Of<typeof complaintDetail>;
  [path: `/api/v1/complaints/${Id}/compensations`]: Of<typeof compensationView>;
  [path: `/api/v1/returns/${Id}/${ReturnAction}`]: Of<typeof returnDetail>;
  [path: `/api/v1/capas/${Id}/${CapaAction}`]: Of<typeof capaDetail>;
  [path: `/api/v1/capas/${Id}/actions`]: Of<typeof capaActionView>;
  [path: `/api/v1/capas/${Id}/actions/${Id}/${'complete' | 'cancel'}`]: Of<typeof capaActionView>;
  [path: `/api/v1/approvals/steps/${Id}/decide`]: Of<typeof approvalRequestView>;
  [path: `/api/v1/approvals/${Id}/cancel`]: Of<typeof approvalRequestView>;
  [path: `/api/v1/customer-applications/${Id}/${'submit' | 'withdraw'}`]: Of<typeof applicationDetail>;
}
