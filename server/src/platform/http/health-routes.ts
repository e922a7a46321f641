import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Ready to serve',
  description: 'Answers 200 once the database is migrated and the shipped rule sets are seeded.',
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

/** `GET /healthz`. The server only listens once it is ready, so answering at all means ready. */
export function healthRoutes() {
  return new OpenAPIHono().openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
}
