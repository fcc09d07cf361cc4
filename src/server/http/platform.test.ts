import { describe, expect, it } from 'vitest';
import { errorCode, setupTestApp } from '../test/test-app.ts';

const t = setupTestApp();

describe('HTTP platform', () => {
  it('reports health with the database mode and version', async () => {
    const res = await t().client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      db: 'embedded',
      version: 'test',
      // A test app runs no outbound listener or jobs: those count as ok (see AppDeps.connections).
      checks: { database: 'ok', live: 'ok', outbound: 'ok', jobs: 'ok' },
    });
  });

  it('publishes OpenAPI 3.1 from the zod schemas, and a browsable reference', async () => {
    const res = await t()
      .client()
      .get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
        '/api/openapi.json',
      );
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users', '/api/v1/roles', '/api/auth/login']),
    );
    expect(JSON.stringify(res.body.paths['/api/v1/users']?.post?.requestBody)).toContain('displayName');
    const docs = await fetch(`${t().url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers unknown routes, bad JSON and oversize bodies in the one error shape', async () => {
    const client = t().client('en');
    const missing = await client.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' } });
    const badJson = await client.request('POST', '/api/auth/login', '{"login": ');
    expect(badJson.status).toBe(400);
    expect(errorCode(badJson.body)).toBe('VALIDATION_FAILED');
    const huge = await client.request(
      'POST',
      '/api/auth/login',
      JSON.stringify({ login: 'x'.repeat(2_000_000), password: 'y' }),
    );
    expect(huge.status).toBe(413);
    expect(errorCode(huge.body)).toBe('PAYLOAD_TOO_LARGE');
    const invalid = await client.post('/api/auth/login', { login: '' });
    expect(invalid.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: expect.any(Array) } },
    });
    expect(JSON.stringify(invalid.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends security headers and a request id', async () => {
    const res = await fetch(`${t().url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('exposes Prometheus metrics with request counts, latencies and pool stats', async () => {
    await t().client().get('/api/health');
    const admin = await t().admin();
    const res = await fetch(`${t().url}/api/metrics`, { headers: { cookie: admin.cookie ?? '' } });
    const text = await res.text();
    expect(text).toMatch(/qiao_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toContain('qiao_http_request_duration_seconds_bucket');
    expect(text).toMatch(/qiao_db_pool_connections\{state="total"\} \d+/);
  });
});
