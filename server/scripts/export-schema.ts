import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleSetJsonSchemaText } from '../src/domain/rule-set/json-schema';

/** Writes the rule-set JSON Schema that rule-set files name in their `$schema`. */
const target = fileURLToPath(new URL('../../rule-sets/rule-set.schema.json', import.meta.url));
writeFileSync(target, ruleSetJsonSchemaText());
console.log(`wrote ${target}`);
