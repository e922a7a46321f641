import { z } from 'zod';
import { ruleSetSchema } from './schema';

/**
 * The rule-set format as a JSON Schema (draft 2020-12) for editors: completion and shape checks while a
 * rule set is written by hand. Only the shape: the meaning (known facts, ordered tiers…) is checked by
 * `validateRuleSet`. Written to `rule-sets/rule-set.schema.json` by `npm run schema`.
 *
 * @example
 * JSON.stringify(ruleSetJsonSchema(), null, 2);
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ruleSetSchema, {
    target: 'draft-2020-12',
    // Files are written by hand, so defaults make fields optional.
    io: 'input',
    reused: 'ref',
    unrepresentable: 'any',
  });
  return {
    ...schema,
    title: 'Jifen rule set',
    description:
      'A versioned rule set of the new-citizen points scheme (新市民量化积分): facts, groups, indicators, scenarios and test cases.',
  };
}

/** The file's exact text: two-space indentation and a final newline. */
export function ruleSetJsonSchemaText(): string {
  return `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
}
