import type { OpenAPIHono } from '@hono/zod-openapi';

/** OpenAPI security requirements of the resident workflow's routes. */
export const STAFF_SESSION: Record<string, string[]>[] = [{ staffSession: [] }];
export const STAFF_OR_RESIDENT: Record<string, string[]>[] = [{ staffSession: [] }, { residentBearer: [] }];
export const SERVICE: Record<string, string[]>[] = [{ serviceCredential: [] }];

/**
 * Declares the security schemes the resident routes name: the staff session cookie, a service
 * credential (`jifen_sc_…`) and a resident token (`jifen_rt_…`), both as Bearer tokens.
 */
export function registerResidentSecurity(app: Pick<OpenAPIHono, 'openAPIRegistry'>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'jifen_session',
    description: 'A staff session from `POST /api/v1/auth/login`; changes also need the `X-CSRF-Token` header.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'serviceCredential', {
    type: 'http',
    scheme: 'bearer',
    description: 'A service credential (`jifen_sc_…`) an admin issued for one source and purpose (`feed` or `resident-app`).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'residentBearer', {
    type: 'http',
    scheme: 'bearer',
    description: "A resident's API token (`jifen_rt_…`, 15 minutes) from `POST /api/v1/resident-tokens`, issued to the resident app.",
  });
}
