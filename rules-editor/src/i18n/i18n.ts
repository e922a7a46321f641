import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Text } from '../api/types';
import { en } from './en';
import { zh, type Messages } from './zh';

/** The UI speaks Chinese first and English second; the choice is kept in the browser. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'jifen.editor.lang';
const catalogues: Record<Lang, Messages> = { zh, en };
const listeners = new Set<() => void>();

let current: Lang = readStored();

function readStored(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLang(): Lang {
  return current;
}

/** Switches the language of every element at once. */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  applyDocumentLang();
  for (const listener of listeners) listener();
}

export function applyDocumentLang(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = catalogues[current].appTitle;
}

/** The messages of the current language. */
export function msg(): Messages {
  return catalogues[current];
}

/** A bilingual text of a rule set in the current language, falling back to the other. */
export function pick(text: Text | undefined, lang: Lang = current): string {
  if (!text) return '';
  return (lang === 'zh' ? text.zh || text.en : text.en || text.zh) ?? '';
}

/**
 * Re-renders its element when the language changes.
 *
 * @example
 * class JifenThing extends LitElement { private i18n = new I18nController(this); render() { return this.i18n.m.save; } }
 */
export class I18nController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.update);
  }
  hostDisconnected(): void {
    listeners.delete(this.update);
  }
  get m(): Messages {
    return msg();
  }
  get lang(): Lang {
    return current;
  }
}

/** China's calendar and clock: what staff, residents and the server's own messages go by. */
const CHINA = 'Asia/Shanghai';
const chinaTime = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Dates and times for people, in China time whatever the browser's time zone: `2026-06-30 14:05`. The
 * server's own messages (an audit verdict, a deadline) speak China time, and an auditor reading both on a
 * laptop set to another zone must see one time for one event.
 */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const part = Object.fromEntries(chinaTime.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/**
 * Today in China (`YYYY-MM-DD`): effective dates and evaluation dates are China's calendar days, whatever
 * the time zone of the browser.
 */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Points as people read them: up to two decimals, no trailing zeros. */
export function formatPoints(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}
