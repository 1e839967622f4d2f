import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { errorBodySchema } from '../../../shared/api/common.ts';

/** Routes register themselves here as they are defined, so the document cannot drift. */
export function createOpenApi() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'haven_session',
  });
  registry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
  });
  let cached: unknown;
  return {
    registry,
    errorBody: errorBodySchema,
    document(version: string): unknown {
      cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
        openapi: '3.1.0',
        info: {
          title: 'Haven API',
          version,
          description:
            'REST API of Haven. Errors share one shape: { error: { code, message, fields? } }. ' +
            'State-changing requests carry the X-CSRF-Token header from GET /api/auth/csrf.',
        },
        servers: [{ url: '/api' }],
      });
      return cached;
    },
  };
}
export type OpenApi = ReturnType<typeof createOpenApi>;
