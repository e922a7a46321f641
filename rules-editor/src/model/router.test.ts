import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './router';

describe('editor URLs', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'ruleSet', id: 'district-sample' },
    { name: 'version', id: 'district-sample', version: 2 },
    { name: 'draft', id: 'district-sample', draft: 'k3x9m2p7q4rt' },
    { name: 'review', id: 'district-sample', draft: 'k3x9m2p7q4rt' },
    { name: 'compare', id: 'provincial-common', from: '1', to: 'draft:abc' },
    { name: 'approvals' },
    { name: 'audit' },
    { name: 'calendar' },
  ];

  it('reads back every screen from its own URL', () => {
    for (const route of routes) {
      const url = new URL(href(route), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it('answers notFound for anything else under /editor/', () => {
    expect(parseRoute('/editor/rule-sets/a/b/c/d/e/f', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/editor/nothing', '')).toEqual({ name: 'notFound' });
  });
});
