import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { PartnerRepository } from '../../domain/eligibility/partners';
import { PARTNER_KEY_HEADER } from '../partners';

/** The header a widget sends a resident's widget token in. */
export const RESIDENT_TOKEN_HEADER = 'X-Jifen-Resident-Token';

/**
 * CORS for the widget API: answers only origins some partner has registered (before a key is seen, which
 * partner is asking is unknown; the key's own origins are checked by the route, with a message the widget
 * shows). An unregistered origin gets no CORS headers, so the browser keeps the response from the page.
 *
 * @example
 * app.use('/api/v1/widget/scenarios/*', widgetCors(partners));
 */
export function widgetCors(partners: PartnerRepository): MiddlewareHandler {
  return cors({
    origin: async (origin) => (origin && (await partners.isRegisteredOrigin(origin)) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', PARTNER_KEY_HEADER, RESIDENT_TOKEN_HEADER],
    maxAge: 600,
  });
}
