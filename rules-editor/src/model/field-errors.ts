import type { FieldError } from '../api/types';
import { getLang } from '../i18n/i18n';
import { pathKey, type Path } from './edit';

/** Validation errors by the path they name, for showing each next to its field. */
export type ErrorIndex = ReadonlyMap<string, readonly string[]>;

export const NO_ERRORS: ErrorIndex = new Map();

/** A field error in the language of the UI: the server sends Chinese beside the English. */
export function localMessage(e: FieldError): string {
  return getLang() === 'zh' && e.messageZh ? e.messageZh : e.message;
}

/** A refusal in the language of the UI: its first field's text, else the error's own (the body's `messageZh` in Chinese). */
export function localError(e: { message: string; fields?: readonly FieldError[]; body?: unknown }): string {
  if (e.fields?.[0]) return localMessage(e.fields[0]);
  const zh = (e.body as { error?: { messageZh?: unknown } } | undefined)?.error?.messageZh;
  return getLang() === 'zh' && typeof zh === 'string' ? zh : e.message;
}

export function indexErrors(errors: readonly FieldError[]): ErrorIndex {
  const index = new Map<string, string[]>();
  for (const e of errors) {
    const list = index.get(e.path) ?? [];
    list.push(localMessage(e));
    index.set(e.path, list);
  }
  return index;
}

/** The messages about exactly this path. */
export function errorsAt(index: ErrorIndex, path: Path): readonly string[] {
  return index.get(pathKey(path)) ?? [];
}

/** How many errors name this path or anything inside it. */
export function countUnder(index: ErrorIndex, path: Path): number {
  const key = pathKey(path);
  let n = 0;
  for (const [p, messages] of index) if (p === key || p.startsWith(`${key}.`)) n += messages.length;
  return n;
}

/** A stable element id for a path, for `aria-describedby`. */
export function domId(prefix: string, path: Path): string {
  return `${prefix}-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
