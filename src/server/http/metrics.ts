import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { LiveBus } from '../modules/live/live-bus.ts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * Prometheus text exposition without a client library: request counts, latency histogram, pool stats
 * and the open live-update streams.
 */
export function registerMetrics(
  app: FastifyInstance,
  pool: pg.Pool,
  live?: Pick<LiveBus, 'subscribers'>,
): void {
  const series = new Map<string, Series>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    let s = series.get(key);
    if (!s) {
      s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      series.set(key, s);
    }
    const seconds = reply.elapsedTime / 1000;
    s.count++;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b && s) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
    });
  });

  app.get(
    '/api/metrics',
    // Route names, traffic and pool sizes are for the operator: an administrator's session, or an API
    // token of a user holding settings.read (what a Prometheus scraper sends as its bearer token).
    { config: { permission: 'settings.read' }, schema: { hide: true } },
    async (_request, reply) => {
      const lines = [
        '# HELP qiao_http_requests_total HTTP requests handled.',
        '# TYPE qiao_http_requests_total counter',
      ];
      for (const [labels, s] of series) lines.push(`qiao_http_requests_total{${labels}} ${s.count}`);
      lines.push(
        '# HELP qiao_http_request_duration_seconds Request latency.',
        '# TYPE qiao_http_request_duration_seconds histogram',
      );
      for (const [labels, s] of series) {
        BUCKETS.forEach((b, i) => {
          lines.push(`qiao_http_request_duration_seconds_bucket{${labels},le="${b}"} ${s.buckets[i]}`);
        });
        lines.push(`qiao_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
        lines.push(`qiao_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
        lines.push(`qiao_http_request_duration_seconds_count{${labels}} ${s.count}`);
      }
      lines.push(
        '# TYPE qiao_db_pool_connections gauge',
        `qiao_db_pool_connections{state="total"} ${pool.totalCount}`,
        `qiao_db_pool_connections{state="idle"} ${pool.idleCount}`,
        `qiao_db_pool_connections{state="waiting"} ${pool.waitingCount}`,
        '# TYPE qiao_process_resident_memory_bytes gauge',
        `qiao_process_resident_memory_bytes ${process.memoryUsage().rss}`,
      );
      if (live) {
        lines.push(
          '# HELP qiao_live_streams Live-update streams open to browsers (one per browser).',
          '# TYPE qiao_live_streams gauge',
          `qiao_live_streams ${live.subscribers()}`,
        );
      }
      return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
    },
  );
}
