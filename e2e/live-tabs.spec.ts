import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { ApiClient } from '../src/server/test/api-client.ts';
import { adminApi } from './fixtures/api.ts';
import { E2E_ADMIN } from './fixtures/credentials.ts';
import { LoginPage } from './pages/login-page.ts';

// An agent works with many tabs open. Over HTTP/1.1 a browser opens at most six connections per origin,
// so with a live-update stream per tab the seventh tab never loaded. All tabs of a browser now share one
// stream: ten tabs load, each shows a new request as it arrives, closing the tab that started the stream
// changes nothing, and signing out in one tab signs out all.
test.describe.configure({ mode: 'serial' });

const TABS = 10;

/** The streams the server holds open, from its Prometheus metrics. */
async function openStreams(api: ApiClient): Promise<number> {
  const res = await api.get<string>('/api/metrics');
  return Number(/^qiao_live_streams (\d+)$/m.exec(res.body)?.[1] ?? Number.NaN);
}

async function createRequest(api: ApiClient, subject: string): Promise<void> {
  const types = await api.get<{ id: number; code: string }[]>('/api/v1/ticket-config/types');
  const type = types.body.find((t) => t.code === 'inquiry') ?? types.body[0];
  const res = await api.post('/api/v1/tickets', { typeId: type!.id, subject, channel: 'phone' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function openListTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // Generous for a busy test machine, yet bounded: a tab starved of connections never loads.
  await page.goto('/tickets?view=all', { timeout: 60_000 });
  await expect(page.getByTestId('tickets-table')).toBeVisible({ timeout: 60_000 });
  return page;
}

let api: ApiClient;
let context: BrowserContext;
let tabs: Page[] = [];
/** Streams of other journeys' browser contexts still open on the shared server: counted beside ours. */
let others = 0;

test.beforeAll(async ({ browser }) => {
  api = await adminApi();
  context = await browser.newContext();
  others = await openStreams(api);
});
test.afterAll(async () => {
  await context.close();
});

test(`${TABS} tabs of one browser load, share one live stream and each shows a new request`, async () => {
  test.setTimeout(600_000);
  const first = await context.newPage();
  await new LoginPage(first).signInAs(E2E_ADMIN.login, E2E_ADMIN.password);
  await first.goto('/tickets?view=all');
  await expect(first.getByTestId('tickets-table')).toBeVisible({ timeout: 60_000 });
  tabs = [first];
  // One after another, as an agent opens them: with a stream per tab the seventh never loaded.
  for (let i = 1; i < TABS; i++) tabs.push(await openListTab(context));
  await expect.poll(() => openStreams(api)).toBe(others + 1);

  const subject = '十个标签页同时收到的新请求';
  await createRequest(api, subject);
  for (const tab of tabs) {
    await expect(tab.getByTestId('tickets-table')).toContainText(subject, { timeout: 30_000 });
  }
  expect(await openStreams(api)).toBe(others + 1);
  await tabs[TABS - 1]!.bringToFront();
  await tabs[TABS - 1]!.screenshot({ path: 'test-results/e2e/screens/30-live-tab.png' });
});

test('closing the tab that started the stream keeps the others live', async () => {
  await tabs[0]!.close();
  tabs = tabs.slice(1);
  const subject = '关闭首个标签页之后的新请求';
  await createRequest(api, subject);
  for (const tab of tabs) {
    await expect(tab.getByTestId('tickets-table')).toContainText(subject, { timeout: 30_000 });
  }
  expect(await openStreams(api)).toBeLessThanOrEqual(others + 2);
  await expect.poll(() => openStreams(api)).toBe(others + 1);
});

test('signing out in one tab signs out every tab and ends the stream', async () => {
  const [signingOut] = tabs;
  await signingOut!.getByTestId('user-menu').click();
  await signingOut!.getByTestId('menu-logout').click();
  for (const tab of tabs) await expect(tab.getByTestId('login-form')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => openStreams(api)).toBe(others);
});
