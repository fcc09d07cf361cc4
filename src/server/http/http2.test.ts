import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:http2';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { startTestApp, stopTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let dir: string;
let cert: Buffer;

beforeAll(async () => {
  // A self-signed certificate for localhost, as an administrator would point QIAO_TLS_CERT / QIAO_TLS_KEY at.
  dir = await mkdtemp(path.join(tmpdir(), 'qiao-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  const config = readConfig({ QIAO_TLS_CERT: certFile, QIAO_TLS_KEY: keyFile });
  expect(config.tls).toEqual({ certFile, keyFile });
  cert = await readFile(certFile);
  t = await startTestApp(undefined, { tls: { cert, key: await readFile(keyFile) } });
});
afterAll(async () => {
  await stopTestApp(t);
  await rm(dir, { recursive: true, force: true });
});

describe('HTTPS with a certificate', () => {
  it('answers over HTTP/2', async () => {
    expect(t.url).toMatch(/^https:\/\//);
    const session = connect(t.url, { ca: cert, servername: 'localhost' });
    try {
      const { status, body, protocol } = await new Promise<{
        status: number;
        body: string;
        protocol: string;
      }>((resolve, reject) => {
        const stream = session.request({ ':path': '/api/health', 'accept-encoding': 'identity' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
        });
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          body += chunk;
        });
        stream.on('end', () => resolve({ status, body, protocol: session.alpnProtocol ?? '' }));
        stream.on('error', reject);
        stream.end();
      });
      expect(protocol).toBe('h2');
      expect(status).toBe(200);
      expect(JSON.parse(body)).toHaveProperty('status');
    } finally {
      session.close();
    }
  });

  it('still answers HTTP/1.1 clients on the same port', async () => {
    const { status, version } = await new Promise<{ status: number; version: string }>((resolve, reject) => {
      httpsGet(`${t.url}/api/health`, { ca: cert, servername: 'localhost' }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, version: res.httpVersion }));
      }).on('error', reject);
    });
    expect(version).toBe('1.1');
    expect(status).toBe(200);
  });

  it('refuses a certificate without its key (or the other way round) at start-up', () => {
    expect(() => readConfig({ QIAO_TLS_CERT: '/etc/qiao/cert.pem' })).toThrow(/QIAO_TLS_KEY/);
    expect(() => readConfig({ QIAO_TLS_KEY: '/etc/qiao/key.pem' })).toThrow(/QIAO_TLS_CERT/);
    expect(readConfig({}).tls).toBeUndefined();
  });
});
