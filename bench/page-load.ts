/**
 * Page-load figures of the built SPA (not a test): Largest Contentful Paint, bytes transferred and request
 * count for the sign-in page, the agent home, the request list and a request with 1,000 messages, each
 * with a cold cache (new browser profile) and a warm one (the same page loaded again), plus the slowest
 * key press (INP) while typing a reply on the 1,000-message request. Runs the production start (`dist/client`
 * from `npx vite build`) on a throwaway embedded PostgreSQL, in Debian's Chromium.
 *
 *   npx vite build && node bench/page-load.ts [runs=3] [only pages whose name contains this]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { readConfig } from '../src/server/config.ts';
import { startQiao } from '../src/server/instance.ts';
import { type ApiClient, apiClient } from '../src/server/test/api-client.ts';

const RUNS = Number(process.argv[2] ?? 3);
const ONLY = process.argv[3] ?? '';
const MESSAGES = 1000;
const ADMIN = { login: 'bench@example.com', password: 'Bench-page-load-2026' };
if (!existsSync('dist/client/index.html')) throw new Error('no dist/client: run `npx vite build` first');

interface Figures {
  lcp: number;
  bytes: number;
  requests: number;
  fromNetwork: number;
}

/** What the browser itself recorded for the page now shown: LCP, and every resource it fetched. */
async function pageFigures(page: Page): Promise<Figures> {
  return page.evaluate(async () => {
    const lcp = await new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1]?.startTime ?? -1);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve(-1), 5000);
    });
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      lcp,
      bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
      requests: entries.length,
      fromNetwork: entries.filter((e) => e.transferSize > 0).length,
    };
  });
}

/** The slowest keyboard interaction while typing `text` into the focused field (Event Timing API). */
async function typingInp(page: Page, text: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __events: { duration: number; id: number }[] };
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[])
        if (e.interactionId) w.__events.push({ duration: e.duration, id: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  await page.keyboard.type(text, { delay: 40 });
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const events = (window as unknown as { __events: { duration: number }[] }).__events;
    // Entries shorter than 16 ms are not reported at all: then the slowest key press took under 16 ms.
    return events.reduce((max, e) => Math.max(max, e.duration), 0);
  });
}

async function seed(api: ApiClient): Promise<number> {
  const types = await api.get<{ id: number; code: string }[]>('/api/v1/ticket-config/types');
  const typeId = (types.body.find((t) => t.code === 'inquiry') ?? types.body[0])!.id;
  const create = async (subject: string) => {
    const res = await api.post<{ id: number }>('/api/v1/tickets', { typeId, subject, channel: 'phone' });
    if (res.status !== 201) throw new Error(`create request: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  for (let i = 0; i < 60; i++) await create(`冷库温度异常 第${i + 1}次报修`);
  const id = await create('长期跟进：仓储合同续签与多次投诉');
  for (let i = 0; i < MESSAGES; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        api.post(`/api/v1/tickets/${id}/messages`, {
          kind: (i + j) % 3 ? 'public' : 'internal',
          body: `第 ${i + j + 1} 条跟进：已与客户电话沟通，约定明天上午再次上门检查冷库温控设备，并补充照片与维修记录。`,
        }),
      ),
    );
  }
  return id;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-bench-pages-'));
  const qiao = await startQiao(
    {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminEmail: ADMIN.login,
      adminPassword: ADMIN.password,
      logLevel: 'warn',
    },
    () => {},
  );
  const base = qiao.url.replace('localhost', '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const api = apiClient(base);
    if ((await api.login(ADMIN.login, ADMIN.password)).status !== 200)
      throw new Error('bench sign-in failed');
    const requestId = await seed(api);

    const pages: { name: string; url: string; signedIn: boolean; ready: (page: Page) => Promise<void> }[] = [
      {
        name: 'login',
        url: '/login',
        signedIn: false,
        ready: (p) => p.locator('input[type=password]').waitFor(),
      },
      { name: 'home', url: '/', signedIn: true, ready: (p) => p.getByTestId('org-name').waitFor() },
      {
        name: 'request list',
        url: '/tickets?view=all',
        signedIn: true,
        ready: (p) => p.locator('.ant-table-row').first().waitFor(),
      },
      {
        name: `request, ${MESSAGES} messages`,
        url: `/tickets/${requestId}`,
        signedIn: true,
        ready: (p) => p.getByTestId('reply-body').waitFor(),
      },
    ];
    const signIn = async (context: BrowserContext) => {
      const res = await context.request.post(`${base}/api/auth/login`, { data: ADMIN });
      if (res.status() !== 200) throw new Error(`browser sign-in: ${res.status()}`);
    };

    console.log(`Page load, median of ${RUNS} runs (${base}, Chromium ${browser.version()})`);
    console.log('page                       cache  LCP ms   transferred  requests (from network)');
    for (const spec of pages.filter((p) => p.name.includes(ONLY))) {
      const runs: Record<'cold' | 'warm', Figures[]> = { cold: [], warm: [] };
      const inp: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        if (spec.signedIn) await signIn(context);
        const page = await context.newPage();
        for (const cache of ['cold', 'warm'] as const) {
          await page.goto(`${base}${spec.url}`, { waitUntil: 'load' });
          await spec.ready(page);
          runs[cache].push(await pageFigures(page));
        }
        if (spec.name.startsWith('request,')) {
          await page.getByTestId('reply-body').click();
          inp.push(await typingInp(page, '您好，设备已检修完毕，温度恢复正常，请确认。'));
        }
        await context.close();
      }
      for (const cache of ['cold', 'warm'] as const) {
        const f = runs[cache];
        const kb = median(f.map((x) => x.bytes)) / 1000;
        console.log(
          `${spec.name.padEnd(26)} ${cache}  ${String(Math.round(median(f.map((x) => x.lcp)))).padStart(6)}` +
            `   ${`${kb.toFixed(1)} kB`.padStart(11)}  ${String(median(f.map((x) => x.requests))).padStart(8)}` +
            ` (${median(f.map((x) => x.fromNetwork))})`,
        );
      }
      if (inp.length) {
        const worst = Math.max(...inp);
        console.log(
          `${spec.name.padEnd(26)} typing a reply: slowest key press ${worst > 0 ? `${Math.round(worst)} ms` : '< 16 ms'} (INP budget 200 ms)`,
        );
      }
    }
  } finally {
    await browser.close();
    await qiao.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
