import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSetJsonSchema, ruleSetJsonSchemaText } from './json-schema';

const committed = new URL('../../../../rule-sets/rule-set.schema.json', import.meta.url);

describe('rule-set JSON Schema', () => {
  it('is committed as generated from the zod schema (run `npm run schema` after changing schema.ts)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(ruleSetJsonSchemaText());
  });

  it('describes the indicator kinds and requires the fields an author must write', () => {
    const schema = ruleSetJsonSchema();
    const text = JSON.stringify(schema);
    for (const kind of ['fixed', 'tiers', 'rate', 'bands', 'deduction', 'veto']) expect(text).toContain(`"const":"${kind}"`);
    expect(schema.required).toEqual(['id', 'version', 'effectiveFrom', 'title', 'owner', 'reference']);
  });
});
