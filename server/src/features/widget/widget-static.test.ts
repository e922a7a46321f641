import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetApp } from '../../../../test/support/apps/widget';
import { WIDGET_ROOT, widgetVersion } from './widget-assets';

type Env = Awaited<ReturnType<typeof widgetApp>>;
const SCRIPT = join(WIDGET_ROOT, 'dist/jifen-eligibility.js');

let env: Env;
beforeAll(async () => {
  env = await widgetApp();
}, 120_000);
afterAll(() => env?.cleanup());

const get = (path: string, headers: Record<string, string> = {}) => env.app.request(path, { headers });

describe('widget delivery, as a partner page and its CDN meet it', () => {
  it('serves the pinned version compressed with brotli or gzip, immutable, with an ETag, and at most 15 KB on the wire', async () => {
    const raw = readFileSync(SCRIPT);
    const url = `/widget/v${widgetVersion()}/jifen-eligibility.js`;
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('access-control-allow-origin')).toBe('*');
    const body = Buffer.from(await br.arrayBuffer());
    expect(body.length).toBeLessThanOrEqual(15 * 1024);
    expect(brotliDecompressSync(body).equals(raw)).toBe(true);

    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(raw)).toBe(true);
    const plain = await get(url);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(raw)).toBe(true);

    const etag = br.headers.get('etag')!;
    expect(etag).toMatch(/^".+-br"$/);
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('refuses a version it does not serve, and revalidates the unversioned address', async () => {
    const old = await get('/widget/v0.0.1/jifen-eligibility.js');
    expect(old.status).toBe(404);
    expect((await old.json()).error.message).toContain(`v${widgetVersion()}`);
    const current = await get('/widget/jifen-eligibility.js', { 'accept-encoding': 'br' });
    expect(current.headers.get('cache-control')).toBe('public, max-age=300');
    expect(current.headers.get('content-encoding')).toBe('br');
  });

  it('serves the custom-elements manifest, the type declarations and the package manifest beside the script', async () => {
    const manifest = await (await get('/widget/custom-elements.json')).json();
    const element = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === 'jifen-eligibility');
    expect(element.events.map((e: { name: string }) => e.name).sort()).toEqual(['jifen-error', 'jifen-result']);
    const dts = await (await get(`/widget/v${widgetVersion()}/jifen-eligibility.d.ts`)).text();
    // Every attribute and event of the manifest is typed.
    for (const a of element.attributes as { name: string }[]) expect(dts, a.name).toContain(`Attribute \`${a.name}\``);
    for (const name of ['jifen-result', 'jifen-error', 'GlobalEventHandlersEventMap', 'HTMLElementTagNameMap']) expect(dts).toContain(name);
    const pkg = await (await get('/widget/package.json')).json();
    expect(pkg).toMatchObject({ version: widgetVersion(), customElements: './custom-elements.json', exports: { '.': { types: './types/jifen-eligibility.d.ts', default: './dist/jifen-eligibility.js' } } });
    for (const file of [pkg.types, pkg.exports['.'].default, pkg.customElements]) expect(existsSync(join(WIDGET_ROOT, file)), file).toBe(true);
  });

  it('types a partner page that uses the element, its attributes and its events, and refuses a wrong detail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-dts-'));
    try {
      const page = (body: string) => `import type {} from '${join(WIDGET_ROOT, 'types/jifen-eligibility.js')}';\n${body}\n`;
      writeFileSync(
        join(dir, 'ok.ts'),
        page(`const el = document.createElement('jifen-eligibility'); el.scenario = 'school-enrollment'; el.headingLevel = 3;
el.addEventListener('jifen-result', (e) => { const s: string = e.detail.statement; const n: number = e.detail.score; void s; void n; });
el.addEventListener('jifen-error', (e) => { if (e.detail.code === 'timeout') void e.detail.status; });`),
      );
      writeFileSync(join(dir, 'bad.ts'), page(`document.createElement('jifen-eligibility').addEventListener('jifen-result', (e) => { const s: number = e.detail.statement; void s; });`));
      const tsc = (file: string) =>
        spawnSync(process.execPath, [join(WIDGET_ROOT, '../node_modules/typescript/bin/tsc'), '--ignoreConfig', '--noEmit', '--strict', '--lib', 'es2022,dom', '--module', 'nodenext', '--skipLibCheck', 'false', join(dir, file)], { encoding: 'utf8' });
      const ok = tsc('ok.ts');
      expect(ok.stdout + ok.stderr).toBe('');
      expect(tsc('bad.ts').stdout).toContain("Type 'string' is not assignable to type 'number'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes an integrity value that matches the bytes served', async () => {
    const raw = Buffer.from(await (await get(`/widget/v${widgetVersion()}/jifen-eligibility.js`)).arrayBuffer());
    const docs = await (await get('/widget/docs')).text();
    expect(docs).toContain(`integrity="sha384-${createHash('sha384').update(raw).digest('base64')}"`);
  });
});
