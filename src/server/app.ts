import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { registerAuthentication } from './http/authentication.ts';
import { clientStaticOptions, createServer, registerCompression, type TlsFiles } from './http/delivery.ts';
import { registerErrorHandling, sendError } from './http/errors.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { MODULES } from './modules/index.ts';
import { installModules } from './modules/module.ts';

/** Browser features Qiao never uses are off for its pages and anything they might embed. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** The built SPA (dist/client); served with an index.html fallback when present. */
  clientDir?: string;
  /** A certificate: HTTPS with HTTP/2 (and HTTP/1.1 for older clients) instead of plain HTTP. */
  tls?: TlsFiles;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = createServer(
    {
      logger: options.logger ?? false,
      bodyLimit: 1024 * 1024,
      // Live-update streams stay open; shutdown must not wait for browsers to hang up.
      forceCloseConnections: true,
      trustProxy: process.env.QIAO_TRUST_PROXY === 'true',
      requestIdHeader: 'x-request-id',
      genReqId: () => randomUUID(),
    },
    options.tls,
  ).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes component styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // No remote images: a remote image in an article or an email would tell its host who read it and when.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Intranet installs often run on plain http; upgrading would break every asset there.
        upgradeInsecureRequests: null,
      },
    },
    hsts: options.secureCookies,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await registerCompression(app);

  registerErrorHandling(app);
  registerAuthentication(app, options.db);
  registerInputGuard(app);
  registerIdempotency(app, options.db);
  registerMetrics(app, options.pool, options.live);
  await registerOpenApi(app, options.version);

  installModules(MODULES);
  for (const module of MODULES) {
    for (const routes of module.routes) await app.register(routes(options));
  }

  const clientDir = options.clientDir;
  const spa = !!clientDir && existsSync(path.join(clientDir, 'index.html'));
  if (spa) await app.register(fastifyStatic, clientStaticOptions(clientDir));
  // Client-side routes (/users, /portal/…) get the SPA; unknown /api paths get the JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (spa && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return sendError(reply, request, 'ROUTE_NOT_FOUND');
  });
  return app;
}
