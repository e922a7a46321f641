import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isHttps, type NetworkOptions } from './network';

type Options = NonNullable<Parameters<typeof secureHeaders>[0]>;
type Csp = Options['contentSecurityPolicy'];

/**
 * Pages (the editor, the API reference, public pages) run only their own scripts: no inline script, no
 * eval, nothing from another origin, never framed. Lit's constructed style sheets are not subject to
 * `style-src`, so styles need nothing inline either.
 */
export const PAGE_CSP: Csp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** JSON, scripts and files are not documents: they may load nothing and be framed by no one. */
export const RESOURCE_CSP: Csp = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/** The API reference's components add their own `<style>` elements at run time; its scripts stay `'self'`. */
export const DOCS_CSP: Csp = { ...PAGE_CSP, styleSrc: ["'self'", "'unsafe-inline'"] };

const common: Options = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  // A handler that knows better (a partner demo page, a route with its own policy) keeps its own header.
  overwrite: false,
  // Sent only when the client came over https (below): over plain http a browser ignores it anyway, and a
  // server reached through a TLS proxy knows its scheme only from a proxy it trusts.
  strictTransportSecurity: false,
};

/** Six months, subdomains included, as the `secureHeaders` default. */
export const HSTS = 'max-age=15552000; includeSubDomains';

const forPage = secureHeaders({ ...common, contentSecurityPolicy: PAGE_CSP });
const forDocs = secureHeaders({ ...common, contentSecurityPolicy: DOCS_CSP });
const forResource = secureHeaders({ ...common, contentSecurityPolicy: RESOURCE_CSP });
// Partner sites load the widget's module from their own origin.
const forWidget = secureHeaders({ ...common, contentSecurityPolicy: RESOURCE_CSP, crossOriginResourcePolicy: 'cross-origin' });
const forWidgetPage = secureHeaders({ ...common, contentSecurityPolicy: PAGE_CSP, crossOriginResourcePolicy: 'cross-origin' });

/**
 * Security headers on every response, errors included: a CSP (strict for pages, `default-src 'none'` for
 * everything else), nosniff, no framing, no referrer across origins, HSTS (when the client came over https,
 * see `isHttps`), COOP and CORP same-origin except
 * under `/widget/`, whose files partner pages embed. Chosen after the handler ran, from the response's own
 * content type, so every route added later is covered without being listed here.
 *
 * @example
 * app.use('*', securityHeaders({ docsPath: '/api/docs', network: { trustProxy: false } }));
 */
export function securityHeaders(options: { docsPath: string; network: NetworkOptions }): MiddlewareHandler {
  const noop = async () => {};
  return async (c, next) => {
    await next();
    await choose(c, options.docsPath)(c, noop);
    if (isHttps(c, options.network)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}

function choose(c: Context, docsPath: string): MiddlewareHandler {
  const html = /^text\/html\b/i.test(c.res.headers.get('content-type') ?? '');
  const path = c.req.path;
  if (path === '/widget' || path.startsWith('/widget/')) return html ? forWidgetPage : forWidget;
  if (!html) return forResource;
  return path === docsPath ? forDocs : forPage;
}
