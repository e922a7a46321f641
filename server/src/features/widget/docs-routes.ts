import { Hono } from 'hono';
import { JifenError } from '../../domain/errors';
import type { WidgetDemo } from './demo-routes';
import { widgetDocsPage } from './docs-page';
import { widgetAsset, widgetVersion } from './widget-assets';

/**
 * `/widget/docs` (`?lang=en` for English): the partner developer's documentation, with the current
 * version's integrity value and, when the demo partner is set up, live examples.
 *
 * @example
 * app.route('/widget', docsRoutes(widget.demo, () => widget.publicUrl));
 */
export function docsRoutes(demo: WidgetDemo, publicUrl: () => string): Hono {
  const app = new Hono();
  app.get('/docs', (c) => {
    const script = widgetAsset('jifen-eligibility.js');
    if (!script) throw new JifenError('not_found', { en: 'Static: the widget is not built yet; run npm run build', zh: '积分组件还没有准备好' });
    c.header('Cache-Control', 'no-store');
    return c.html(
      widgetDocsPage({
        jifen: publicUrl(),
        version: widgetVersion(),
        integrity: script.integrity,
        lang: c.req.query('lang') === 'en' ? 'en' : 'zh-CN',
        ...(demo.partnerKey ? { demoKey: demo.partnerKey } : {}),
      }),
    );
  });
  return app;
}
