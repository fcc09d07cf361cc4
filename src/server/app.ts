import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { registerAuthentication } from './http/authentication.ts';
import { registerErrorHandling, sendError } from './http/errors.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { MODULES } from './modules/index.ts';
import { installModules } from './modules/module.ts';

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** The built SPA (dist/client); served with an index.html fallback when present. */
  clientDir?: string;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Live-update streams stay open; shutdown must not wait for browsers to hang up.
    forceCloseConnections: true,
    trustProxy: process.env.QIAO_TRUST_PROXY === 'true',
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes component styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Knowledge-base articles may show images hosted elsewhere over HTTPS (email HTML has remote images removed).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
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

  registerErrorHandling(app);
  registerAuthentication(app, options.db);
  registerIdempotency(app, options.db);
  registerMetrics(app, options.pool);
  await registerOpenApi(app, options.version);

  installModules(MODULES);
  for (const module of MODULES) {
    for (const routes of module.routes) await app.register(routes(options));
  }

  const clientDir = options.clientDir;
  const spa = !!clientDir && existsSync(path.join(clientDir, 'index.html'));
  if (spa)
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  // Client-side routes (/users, /portal/…) get the SPA; unknown /api paths get the JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (spa && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return sendError(reply, request, 'ROUTE_NOT_FOUND');
  });
  return app;
}
