import { Hono } from 'hono';
import { JifenError } from '../../domain/errors';
import { demoPageCsp, demoSchoolPage } from './demo-page';
import { residentAppPage } from './handoff-pages';
import { widgetPin } from './widget-assets';
import { serveDemoAssets } from './widget-static';

/** The demo's live state: set once the server listens and the demo partner has its key for this start. */
export interface WidgetDemo {
  partnerKey?: string;
  partnerId?: string;
  partnerName?: string;
  /** A fresh widget token for the demo resident on a page of `origin` (as their app would issue it), or undefined without residents. */
  residentToken?: (origin: string) => Promise<string | undefined>;
  /** The school scenario's bar in the version in force today. */
  bar?: () => Promise<number | undefined>;
}

/**
 * `/demo/school`: a school's enrolment page embedding the widget in self-check and resident mode, with a
 * strict Content-Security-Policy; `?lang=en` for English. Plus its stylesheet and script.
 *
 * @example
 * app.route('/demo', demoRoutes(demo));
 */
export function demoRoutes(demo: WidgetDemo): Hono {
  const app = new Hono();
  app.get('/school', async (c) => {
    if (!demo.partnerKey) throw new JifenError('not_found', { en: 'Demo: the demo partner is not set up on this server (JIFEN_DEMO=0?)', zh: '这台服务器没有设置演示合作单位' });
    const origin = new URL(c.req.url).origin;
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
    const residentToken = await demo.residentToken?.(origin);
    const bar = await demo.bar?.();
    c.header('Content-Security-Policy', demoPageCsp(origin));
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'same-origin');
    return c.html(demoSchoolPage({ jifen: origin, assets: origin, partnerKey: demo.partnerKey, lang, pin: widgetPin(), ...(bar === undefined ? {} : { bar }), ...(residentToken ? { residentToken } : {}) }));
  });

  // The token hand-off: the resident app's consent, then a form POST to the partner's page.
  app.get('/resident-app', (c) => {
    const origin = new URL(c.req.url).origin;
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
    c.header('Content-Security-Policy', demoPageCsp(origin));
    c.header('Cache-Control', 'no-store');
    return c.html(residentAppPage({ lang, partner: demo.partnerName ?? '', assets: origin, noResident: !demo.residentToken }));
  });
  app.post('/resident-app/consent', async (c) => {
    const origin = new URL(c.req.url).origin;
    const form = await c.req.parseBody();
    const lang = form.lang === 'en' ? 'en' : 'zh-CN';
    const token = await demo.residentToken?.(origin);
    c.header('Content-Security-Policy', demoPageCsp(origin));
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(residentAppPage({ lang, partner: demo.partnerName ?? '', assets: origin, ...(token ? { token } : { noResident: true }) }));
  });
  app.post('/handoff', async (c) => {
    if (!demo.partnerKey) throw new JifenError('not_found', { en: 'Demo: the demo partner is not set up on this server (JIFEN_DEMO=0?)', zh: '这台服务器没有设置演示合作单位' });
    const origin = new URL(c.req.url).origin;
    const form = await c.req.parseBody();
    const token = typeof form.jifen_token === 'string' && form.jifen_token.length <= 4096 ? form.jifen_token : undefined;
    const lang = form.lang === 'en' ? 'en' : 'zh-CN';
    c.header('Content-Security-Policy', demoPageCsp(origin));
    // The page holds a token: never cached, never sent on in a Referer.
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const bar = await demo.bar?.();
    return c.html(demoSchoolPage({ jifen: origin, assets: origin, partnerKey: demo.partnerKey, lang, pin: widgetPin(), ...(bar === undefined ? {} : { bar }), ...(token ? { residentToken: token } : {}) }));
  });
  app.route('/', serveDemoAssets());
  return app;
}
