import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qiao 桥 API',
        version,
        description:
          'Customer service management. Authenticate with the session cookie (browser; writes need the `x-csrf-token` header from `/api/auth/me`) or `Authorization: Bearer qiao_…` with a personal API token. Errors always have the shape `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'qiao_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true, response: { 200: z.unknown() } } },
    async () => app.swagger(),
  );
}
