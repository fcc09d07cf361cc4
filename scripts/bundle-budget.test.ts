// What the browser downloads, held to budgets: built here into a temporary directory (so the result never
// depends on a stale dist/), then read from Vite's manifest and gzip-sized like a browser would receive it.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../src/client/i18n/catalogue.ts';
import { LOCALES } from '../src/shared/locale.ts';
import { BundleSizer, DEFAULT_LANGUAGE_PACK, ENTRY, FIRST_PAGES, staticClosure } from './bundle-size.ts';

const kB = 1000;
/**
 * The JavaScript (gzip) a first visit downloads before the page shows. The goal is 250 kB for each;
 * today react-dom (66 kB), the one language's texts (40 kB) and antd's shared core stand between.
 * Lower a figure whenever a page gets lighter: these are ceilings, never targets to grow into.
 */
const FIRST_PAGE_BUDGET: Record<keyof typeof FIRST_PAGES, number> = {
  login: 360 * kB,
  'agent home': 420 * kB,
  portal: 380 * kB,
};
/** No single file of the build is bigger than this (gzip), except the chart library on chart pages. */
const CHUNK_BUDGET = 150 * kB;
/** The pages with charts: the only ones that may load ECharts. */
const CHART_PAGES = ['src/client/features/complaint-analysis/ComplaintAnalysisPage.tsx'];
const LANGUAGE_PACK = (locale: string) => `src/client/i18n/languages/${locale}.ts`;

let outDir: string;
let sizer: BundleSizer;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'qiao-build-'));
  // The production build, as `vite build` makes it: the test runner's NODE_ENV=test would bring React's
  // development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.resolve('vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  sizer = new BundleSizer(outDir);
}, 300_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const echartsChunks = () =>
  Object.keys(sizer.manifest).filter((key) => sizer.manifest[key]?.name === 'echarts');
const jsChunks = () => Object.keys(sizer.manifest).filter((key) => sizer.manifest[key]?.file.endsWith('.js'));

describe('first pages', () => {
  for (const [page, chunks] of Object.entries(FIRST_PAGES)) {
    it(`${page}: initial JavaScript within ${FIRST_PAGE_BUDGET[page]! / kB} kB gzip`, () => {
      const size = sizer.total(sizer.initialChunks(chunks));
      expect(size, `${page} loads ${(size / kB).toFixed(1)} kB gzip`).toBeLessThanOrEqual(
        FIRST_PAGE_BUDGET[page]!,
      );
    });
  }
});

describe('chunks', () => {
  it(`has no file over ${CHUNK_BUDGET / kB} kB gzip except the chart library`, () => {
    const charts = new Set(echartsChunks());
    const over = jsChunks()
      .filter((key) => !charts.has(key) && sizer.gzip(key) > CHUNK_BUDGET)
      .map((key) => `${key}: ${(sizer.gzip(key) / kB).toFixed(1)} kB`);
    expect(over).toEqual([]);
  });

  it('loads ECharts on chart pages only', () => {
    const charts = echartsChunks();
    expect(charts.length, 'the build has an echarts chunk (vite.config.ts groups it)').toBeGreaterThan(0);
    for (const key of [ENTRY, ...sizer.dynamicEntries()]) {
      const loadsCharts = charts.some((chart) => staticClosure(sizer.manifest, [key]).has(chart));
      expect(loadsCharts, key).toBe(CHART_PAGES.includes(key));
    }
  });

  it('precompresses every larger asset as .br and .gz for the server', async () => {
    const files = new Set(await readdir(path.join(outDir, 'assets')));
    for (const key of jsChunks()) {
      const file = sizer.manifest[key]!.file;
      if (sizer.source(key).length < 1024) continue;
      expect(files.has(`${path.basename(file)}.br`), `${file}.br`).toBe(true);
      expect(files.has(`${path.basename(file)}.gz`), `${file}.gz`).toBe(true);
    }
    expect(existsSync(path.join(outDir, 'index.html.gz'))).toBe(true);
  });
});

describe('UI languages', () => {
  // Texts long and distinct enough that finding one in a file means that language's catalogue is there.
  const probes = (Object.keys(catalogue['zh-CN']) as (keyof (typeof catalogue)['zh-CN'])[])
    .filter((key) => new Set(LOCALES.map((l) => catalogue[l][key])).size === LOCALES.length)
    .filter((key) => LOCALES.every((l) => /^[^`\\"'$\n]{12,}$/.test(catalogue[l][key])))
    .slice(0, 20);

  it('has one lazily loaded catalogue per language, holding that language only', () => {
    expect(probes.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      const pack = LANGUAGE_PACK(locale);
      expect(sizer.manifest[pack]?.isDynamicEntry, pack).toBe(true);
      const source = [...staticClosure(sizer.manifest, [pack])].map((key) => sizer.source(key)).join('\n');
      for (const key of probes) {
        for (const other of LOCALES) {
          expect(source.includes(catalogue[other][key]), `${other} ${key} in ${pack}`).toBe(other === locale);
        }
      }
    }
  });

  it('has a first page download the texts of its language only', () => {
    expect(DEFAULT_LANGUAGE_PACK).toBe(LANGUAGE_PACK('zh-CN'));
    for (const chunks of Object.values(FIRST_PAGES)) {
      const source = [...sizer.initialChunks(chunks)].map((key) => sizer.source(key)).join('\n');
      for (const key of probes) {
        expect(source.includes(catalogue['zh-CN'][key]), key).toBe(true);
        expect(source.includes(catalogue.en[key]), key).toBe(false);
        expect(source.includes(catalogue['zh-TW'][key]), key).toBe(false);
      }
    }
  });
});
