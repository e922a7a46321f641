import type { RuleSet, Text } from '../../../server/src/domain/rule-set/schema';
import { getAt, type Path } from './edit';

/** Readable names for places in a rule set, for change lists (“指标「年龄」› 分档 2 › 分值”). */

export interface Naming {
  lang: 'zh' | 'en';
  fields: Readonly<Record<string, string>>;
  item: (n: number) => string;
}

const titled = (node: unknown): Text | undefined => {
  const t = (node as { title?: unknown } | undefined)?.title;
  // A test case's title is one plain string, written in whatever language its author used.
  if (typeof t === 'string' && t.length > 0) return { zh: t, en: t };
  return t && typeof t === 'object' && 'zh' in t ? (t as Text) : undefined;
};

/**
 * @example
 * describePath(doc, ['indicators', 3, 'points'], naming); // '指标「社会保险」 › 分值'
 */
export function describePath(doc: unknown, path: Path, naming: Naming): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const here = path.slice(0, i + 1);
    if (typeof key === 'number' || /^\d+$/.test(String(key))) {
      const node = getAt(doc, here);
      const title = titled(node);
      const id = (node as { id?: unknown } | undefined)?.id;
      const name = title ? title[naming.lang] || title.zh : typeof id === 'string' ? id : naming.item(Number(key) + 1);
      const last = parts.pop() ?? '';
      parts.push(naming.lang === 'zh' ? `${last}「${name}」` : `${last} “${name}”`);
      continue;
    }
    parts.push(naming.fields[String(key)] ?? String(key));
  }
  return parts.join(' › ');
}

/** `/indicators/3/points` → `['indicators', 3, 'points']` (RFC 6901). */
export function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The section of the draft editor where a server error path is shown. */
export function sectionOf(path: string): { name: 'general' | 'groups' | 'cases' | 'json' } | { name: 'indicator' | 'scenario'; index: number } {
  const [head, index] = path.split('.');
  if ((head === 'indicators' || head === 'scenarios') && index !== undefined && /^\d+$/.test(index)) {
    return { name: head === 'indicators' ? 'indicator' : 'scenario', index: Number(index) };
  }
  if (head === 'groups') return { name: 'groups' };
  if (head === 'cases') return { name: 'cases' };
  if (head === 'title' || head === 'description' || head === 'owner' || head === 'reference' || head === 'includes') return { name: 'general' };
  return { name: 'json' };
}

/** A value in a change list: numbers and strings as they are, anything else as short JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

