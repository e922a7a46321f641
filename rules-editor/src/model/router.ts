/**
 * The editor's screens and their URLs under `/editor/`. The server answers every such URL with the app,
 * so a reload or a shared link opens the same screen.
 */

export const BASE = '/editor/';

export type Route =
  | { name: 'home' }
  | { name: 'ruleSet'; id: string }
  | { name: 'version'; id: string; version: number }
  | { name: 'draft'; id: string; draft: string }
  | { name: 'review'; id: string; draft: string }
  | { name: 'compare'; id: string; from?: string; to?: string }
  | { name: 'approvals' }
  | { name: 'audit' }
  | { name: 'calendar' }
  | { name: 'notFound' };

const seg = (s: string) => decodeURIComponent(s);

/**
 * @example
 * parseRoute('/editor/rule-sets/district-sample/drafts/d1', ''); // { name: 'draft', id: 'district-sample', draft: 'd1' }
 */
export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/editor\/?/, '');
  const parts = rest.split('/').filter(Boolean);
  const q = new URLSearchParams(search);
  const [a, b, c, d, e] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'approvals' && parts.length === 1) return { name: 'approvals' };
  if (a === 'audit' && parts.length === 1) return { name: 'audit' };
  if (a === 'calendar' && parts.length === 1) return { name: 'calendar' };
  if (a === 'rule-sets' && b) {
    if (parts.length === 2) return { name: 'ruleSet', id: seg(b) };
    if (c === 'compare' && parts.length === 3) {
      return { name: 'compare', id: seg(b), from: q.get('from') ?? undefined, to: q.get('to') ?? undefined };
    }
    if (c === 'versions' && d && /^\d+$/.test(d) && parts.length === 4) return { name: 'version', id: seg(b), version: Number(d) };
    if (c === 'drafts' && d && parts.length === 4) return { name: 'draft', id: seg(b), draft: seg(d) };
    if (c === 'drafts' && d && e === 'review' && parts.length === 5) return { name: 'review', id: seg(b), draft: seg(d) };
  }
  return { name: 'notFound' };
}

/** The URL of a screen. */
export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'home':
    case 'notFound':
      return BASE;
    case 'approvals':
      return `${BASE}approvals`;
    case 'audit':
      return `${BASE}audit`;
    case 'calendar':
      return `${BASE}calendar`;
    case 'ruleSet':
      return `${BASE}rule-sets/${enc(route.id)}`;
    case 'version':
      return `${BASE}rule-sets/${enc(route.id)}/versions/${route.version}`;
    case 'draft':
      return `${BASE}rule-sets/${enc(route.id)}/drafts/${enc(route.draft)}`;
    case 'review':
      return `${BASE}rule-sets/${enc(route.id)}/drafts/${enc(route.draft)}/review`;
    case 'compare': {
      const q = new URLSearchParams();
      if (route.from) q.set('from', route.from);
      if (route.to) q.set('to', route.to);
      const s = q.toString();
      return `${BASE}rule-sets/${enc(route.id)}/compare${s ? `?${s}` : ''}`;
    }
  }
}

/** Asked before leaving a screen; answers false to stay. */
export type LeaveGuard = () => Promise<boolean>;

const listeners = new Set<(route: Route) => void>();
let guard: LeaveGuard | null = null;
let shown = typeof location === 'undefined' ? '' : location.pathname + location.search;

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

export function onRouteChange(listener: (route: Route) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The screen with unsaved work sets a guard; it is cleared when that screen goes. */
export function setLeaveGuard(next: LeaveGuard | null): void {
  guard = next;
}

/** Goes to a URL of the app, asking the leave guard first. Answers whether it went. */
export async function navigate(url: string, options: { replace?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (url === location.pathname + location.search) return true;
  if (!options.force && guard && !(await guard())) return false;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  shown = url;
  notify();
  return true;
}

function notify(): void {
  const route = currentRoute();
  for (const listener of listeners) listener(route);
}

/** Back and forward buttons: honour the guard by going back to where we were when it says stay. */
export function startRouter(): void {
  window.addEventListener('popstate', async () => {
    const target = location.pathname + location.search;
    if (guard) {
      history.pushState(null, '', shown);
      if (!(await guard())) return;
      history.replaceState(null, '', target);
    }
    shown = target;
    notify();
  });
}
