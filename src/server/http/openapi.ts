import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency.ts';

const IDEMPOTENCY_KEY_DOC = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description:
    'Optional. A unique value per create (a UUID), reused unchanged when retrying the same create after a network error or timeout. A retry with the same key and body answers the first result again (with `Idempotent-Replayed: true`) instead of creating a second record; keys are per caller and kept for 24 hours. 409 `IDEMPOTENCY_IN_PROGRESS`: the first attempt is still running, retry shortly. 422 `IDEMPOTENCY_KEY_REUSED`: the key was used with a different request. 409 `IDEMPOTENCY_INTERRUPTED`: the first attempt saved the record but its answer was lost (details name it). An attempt that failed without saving (4xx/5xx) frees the key.',
};

type Transformed = ReturnType<typeof jsonSchemaTransform>;

/** Routes flagged `config.idempotent` document the Idempotency-Key header (src/server/http/idempotency.ts). */
function withIdempotencyKey(route: RouteOptions, transformed: Transformed): Transformed {
  const schema = transformed.schema as { hide?: boolean; headers?: HeadersSchema };
  if (!route.config?.idempotent || schema.hide) return transformed;
  const headers = schema.headers ?? { type: 'object', properties: {} };
  return {
    ...transformed,
    schema: {
      ...transformed.schema,
      headers: {
        ...headers,
        properties: { ...headers.properties, [IDEMPOTENCY_KEY_HEADER]: IDEMPOTENCY_KEY_DOC },
      },
    },
  };
}

interface HeadersSchema {
  type: 'object';
  properties?: Record<string, unknown>;
  required?: string[];
}

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qiao 桥 API',
        version,
        description:
          'Customer service management. Authenticate with the session cookie (browser; writes need the `x-csrf-token` header from `/api/auth/me`) or `Authorization: Bearer qiao_…` with a personal API token. Errors always have the shape `{ "error": { "code", "message", "details" } }`. Creates accept an `Idempotency-Key` header, so a retry after a lost answer returns the first result instead of a duplicate.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'qiao_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: (document) => withIdempotencyKey(document.route, jsonSchemaTransform(document)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true, response: { 200: z.unknown() } } },
    async () => app.swagger(),
  );
}
