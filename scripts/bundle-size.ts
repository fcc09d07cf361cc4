// What each page of the built SPA makes a browser download, read from Vite's build manifest:
// `node scripts/bundle-size.ts [dist/client]` prints the gzip size of the JavaScript each first page
// needs and what each lazily loaded route adds. The budget test (bundle-budget.test.ts) holds these
// figures to their limits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const ENTRY = 'index.html';
/** The language a first visit gets when the browser asks for nothing else. */
export const DEFAULT_LANGUAGE_PACK = 'src/client/i18n/languages/zh-CN.ts';

/** The pages someone opens first, by the lazy chunks they render on top of the entry. */
export const FIRST_PAGES: Record<string, string[]> = {
  login: ['src/client/features/auth/LoginPage.tsx'],
  'agent home': ['src/client/features/layout/AppLayout.tsx', 'src/client/features/home/HomePage.tsx'],
  portal: ['src/client/portal/PortalApp.tsx', 'src/client/portal/pages/HomePage.tsx'],
};

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The chunks `keys` load before they run: themselves and their static imports, transitively. */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return seen;
}

export class BundleSizer {
  private readonly sizes = new Map<string, number>();
  readonly distDir: string;
  readonly manifest: Manifest;
  constructor(distDir: string, manifest: Manifest = readManifest(distDir)) {
    this.distDir = distDir;
    this.manifest = manifest;
  }

  source(key: string): string {
    const chunk = this.manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    return readFileSync(path.join(this.distDir, chunk.file), 'utf8');
  }

  /** Gzip size (level 9) of one chunk's JavaScript. */
  gzip(key: string): number {
    let size = this.sizes.get(key);
    if (size === undefined) {
      size = gzipSync(this.source(key), { level: 9 }).length;
      this.sizes.set(key, size);
    }
    return size;
  }

  total(keys: Iterable<string>): number {
    let sum = 0;
    for (const key of keys) sum += this.gzip(key);
    return sum;
  }

  /** The JavaScript a first visit to a page downloads: entry, the page's lazy chunks, the language pack. */
  initialChunks(pageChunks: string[]): Set<string> {
    const keys = [ENTRY, ...pageChunks];
    if (this.manifest[DEFAULT_LANGUAGE_PACK]) keys.push(DEFAULT_LANGUAGE_PACK);
    return staticClosure(this.manifest, keys);
  }

  /** Every lazily loaded module of the app: route pages, language packs, lazily loaded parts of pages. */
  dynamicEntries(): string[] {
    return Object.keys(this.manifest).filter((key) => this.manifest[key]?.isDynamicEntry);
  }

  /** What opening a lazy chunk adds on top of the entry's own JavaScript. */
  addedBy(key: string): Set<string> {
    const entry = staticClosure(this.manifest, [ENTRY]);
    return new Set([...staticClosure(this.manifest, [key])].filter((k) => !entry.has(k)));
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function report(distDir: string): void {
  const sizer = new BundleSizer(distDir);
  const entry = staticClosure(sizer.manifest, [ENTRY]);
  console.log(`entry (index.html): ${kB(sizer.total(entry))} gzip in ${entry.size} files`);
  for (const [page, chunks] of Object.entries(FIRST_PAGES)) {
    const keys = sizer.initialChunks(chunks);
    console.log(`first load of ${page}: ${kB(sizer.total(keys))} gzip in ${keys.size} files`);
  }
  const added = sizer
    .dynamicEntries()
    .map((key) => ({ key, size: sizer.total(sizer.addedBy(key)) }))
    .sort((a, b) => b.size - a.size);
  console.log('largest lazy chunks (with what they add on top of the entry):');
  for (const { key, size } of added.slice(0, 12)) console.log(`  ${kB(size).padStart(9)}  ${key}`);
  const all = Object.keys(sizer.manifest).filter((key) => sizer.manifest[key]?.file.endsWith('.js'));
  console.log(`all JavaScript: ${kB(sizer.total(all))} gzip in ${all.length} files`);
}

if (import.meta.main) report(path.resolve(process.argv[2] ?? 'dist/client'));
