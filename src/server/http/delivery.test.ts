import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/vite-plugins.ts';
import { startTestApp, stopTestApp, type TestApp } from '../test/test-app.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (still compressed when the server compressed them). */
  body: Buffer;
}

/** A GET that shows the wire: no automatic decompression, only the Accept-Encoding given. */
function rawGet(base: string, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(pathname, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first bytes of a response that never ends (an event stream), then hang up. */
function rawHead(base: string, pathname: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(pathname, base), { headers }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunk });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const ASSET = 'assets/index-Bx7d9QkA.js';
const script = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{id:${i},label:"row ${i}"}`).join(',')}];\n`;
const indexHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>桥 Qiao</title>
<script type="module" crossorigin src="/${ASSET}"></script></head>
<body><div id="root">${'<!-- 桥 Qiao -->'.repeat(80)}</div></body></html>\n`;

let t: TestApp;
let clientDir: string;
let cookie: string;

beforeAll(async () => {
  // A built SPA as `vite build` leaves it: hashed assets with their .br/.gz copies beside them.
  clientDir = await mkdtemp(path.join(tmpdir(), 'qiao-client-'));
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(path.join(clientDir, 'index.html'), indexHtml);
  await writeFile(path.join(clientDir, ASSET), script);
  await precompressDir(clientDir);
  t = await startTestApp(undefined, { clientDir });
  const admin = await t.admin();
  cookie = admin.cookie ?? '';
});
afterAll(async () => {
  await stopTestApp(t);
  await rm(clientDir, { recursive: true, force: true });
});

describe('built assets', () => {
  it('sends a hashed asset brotli-compressed when the browser accepts it, cached for a year', async () => {
    const res = await rawGet(t.url, `/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const res = await rawGet(t.url, `/${ASSET}`, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const res = await rawGet(t.url, `/${ASSET}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(script);
    const identity = await rawGet(t.url, `/${ASSET}`, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(script);
  });

  it('has index.html revalidated on every load, at / and for every client-side route', async () => {
    for (const pathname of ['/', '/index.html', '/tickets/12', '/portal/requests']) {
      const res = await rawGet(t.url, pathname, { 'accept-encoding': 'br, gzip' });
      expect(res.status, pathname).toBe(200);
      expect(res.headers['cache-control'], pathname).toBe('no-cache');
      expect(res.headers['content-type'], pathname).toContain('text/html');
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.body;
      expect(body.toString(), pathname).toBe(indexHtml);
    }
  });
});

describe('API answers', () => {
  it('compresses a large JSON list and leaves a small answer alone', async () => {
    const list = await rawGet(t.url, '/api/v1/roles', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(list.status).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    expect(String(list.headers.vary).toLowerCase()).toContain('accept-encoding');
    const roles = JSON.parse(brotliDecompressSync(list.body).toString()) as unknown[];
    expect(roles.length).toBeGreaterThan(3);

    const gzipped = await rawGet(t.url, '/api/v1/roles', { cookie, 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.body).toString())).toEqual(roles);

    const plain = await rawGet(t.url, '/api/v1/roles', { cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(roles);

    const small = await rawGet(t.url, '/api/health', { 'accept-encoding': 'gzip, br' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toHaveProperty('status');
  });

  it('streams live updates uncompressed, event by event', async () => {
    const res = await rawHead(t.url, '/api/live', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.headers['content-encoding']).toBeUndefined();
    // The first bytes are readable text, not a compressed frame waiting for more.
    expect(res.body.toString()).toMatch(/^(:|event:|data:|retry:)/m);
  });
});
