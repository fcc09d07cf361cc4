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
 *
 * This file is the one entry point; the builders live in ./factories/, one file per area.
 */

export { asAdmin, unique } from './factories/api.ts';
export * from './factories/approvals.ts';
export * from './factories/capas.ts';
export * from './factories/complaints.ts';
export * from './factories/customers.ts';
export * from './factories/email.ts';
export * from './factories/knowledge.ts';
export * from './factories/people.ts';
export * from './factories/portal.ts';
export * from './factories/returns.ts';
export * from './factories/tickets.ts';
