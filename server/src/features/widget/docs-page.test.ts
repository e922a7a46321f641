import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './demo-page';
import { manifestElement, widgetDocsPage } from './docs-page';
import { ERROR_CODES, REFERENCE_ZH } from './docs-text-zh';
import { WIDGET_ROOT } from './widget-assets';

const page = (lang: 'zh-CN' | 'en') => widgetDocsPage({ jifen: 'https://jifen.example', version: '1.0.0', integrity: 'sha384-x', lang });

describe('/widget/docs', () => {
  it('has Chinese for every attribute, event, part and custom property the manifest lists', () => {
    const el = manifestElement();
    const names = { attributes: el.attributes, events: el.events, parts: el.parts, props: el.props };
    for (const [kind, list] of Object.entries(names) as [keyof typeof REFERENCE_ZH, { name: string; description?: string }[]][]) {
      expect(list.length, kind).toBeGreaterThan(0);
      for (const { name, description } of list) {
        expect(REFERENCE_ZH[kind][name], `${kind} ${name}`).toBeTruthy();
        // The Chinese page says it in Chinese; the English page keeps the manifest's words.
        expect(page('zh-CN')).not.toContain(escapeHtml(description ?? ''));
        expect(page('en')).toContain(escapeHtml(description ?? ''));
      }
    }
  });

  it('explains every error code the element declares, and how to get a key for an exact origin', () => {
    const declared = [...readFileSync(join(WIDGET_ROOT, 'types/jifen-eligibility.d.ts'), 'utf8').matchAll(/^\s*\| '([a-z_]+)';?$/gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(10);
    expect(ERROR_CODES.map((c) => c.code).sort()).toEqual([...declared].sort());
    expect(page('zh-CN')).toContain('获取密钥');
    expect(page('zh-CN')).toContain('http://localhost:8080 与 http://127.0.0.1:8080 是两个不同的地址');
    expect(page('en')).toContain('scheme, host and port');
  });
});
