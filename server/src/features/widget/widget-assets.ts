import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { JifenError } from '../../domain/errors';

/** The widget package folder: its package.json names the version partners pin. */
export const WIDGET_ROOT = fileURLToPath(new URL('../../../../widget', import.meta.url));

/** One file of the widget as served: its bytes, compressed forms, strong validator and SRI value. */
export interface WidgetAsset {
  type: string;
  raw: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  /** Strong validator of the raw bytes (the encodings get their own suffix). */
  etag: string;
  /** `sha384-…`, the value of a script tag's `integrity` attribute. */
  integrity: string;
}

/** The files a partner may fetch, by name, and where each comes from in the widget folder. */
const FILES: Record<string, { path: string; type: string }> = {
  'jifen-eligibility.js': { path: 'dist/jifen-eligibility.js', type: 'text/javascript; charset=utf-8' },
  'jifen-eligibility.d.ts': { path: 'types/jifen-eligibility.d.ts', type: 'text/plain; charset=utf-8' },
  'custom-elements.json': { path: 'custom-elements.json', type: 'application/json; charset=utf-8' },
  'package.json': { path: 'package.json', type: 'application/json; charset=utf-8' },
};

const cache = new Map<string, { mtimeMs: number; asset: WidgetAsset }>();

/**
 * A widget file, compressed once with brotli and gzip and kept until the file changes (a rebuild); undefined
 * for a name that is not served or a file not built yet.
 *
 * @example
 * widgetAsset('jifen-eligibility.js')?.integrity; // 'sha384-…'
 */
export function widgetAsset(name: string, root: string = WIDGET_ROOT): WidgetAsset | undefined {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  const path = join(root, file.path);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const key = `${root}\0${name}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.asset;
  const raw = new Uint8Array(readFileSync(path));
  const asset: WidgetAsset = {
    type: file.type,
    raw,
    br: new Uint8Array(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })),
    gzip: new Uint8Array(gzipSync(raw, { level: 9 })),
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
    integrity: `sha384-${createHash('sha384').update(raw).digest('base64')}`,
  };
  cache.set(key, { mtimeMs, asset });
  return asset;
}

/**
 * The widget's version (from `widget/package.json`): the `v<version>` of its immutable URL.
 *
 * @example
 * widgetVersion(); // '1.0.0'
 */
export function widgetVersion(root: string = WIDGET_ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('Widget: widget/package.json has no version');
  return pkg.version;
}

/**
 * What a page pins: the widget's version and the script's SRI value.
 *
 * @example
 * const { version, integrity } = widgetPin(); // script src …/widget/v1.0.0/jifen-eligibility.js integrity=…
 */
export function widgetPin(root: string = WIDGET_ROOT): { version: string; integrity: string } {
  const script = widgetAsset('jifen-eligibility.js', root);
  if (!script) throw new JifenError('not_found', { en: 'Static: the widget is not built yet; run npm run build', zh: '积分组件还没有准备好' });
  return { version: widgetVersion(root), integrity: script.integrity };
}
