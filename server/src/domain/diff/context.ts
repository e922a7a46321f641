import type { Text } from '../rule-set/schema';
import type { FactCatalog } from './describe-condition';
import { sentence } from './text';
import type { ChangeTarget, PolicyChange, PolicyChangeKind } from './types';

/** Titles the sentences need: facts (for conditions), indicators and groups (for counted lists, tie-breakers). */
export interface DiffContext {
  facts: FactCatalog;
  indicators: ReadonlyMap<string, Text>;
  groups: ReadonlyMap<string, Text>;
}

/** One change, with its sentence: the target's label, then `what` happened. */
export function change(
  kind: PolicyChangeKind,
  target: ChangeTarget,
  path: string,
  what: Text,
  values: { before?: unknown; after?: unknown; field?: string } = {},
): PolicyChange {
  const { before, after, field } = values;
  return {
    kind,
    target,
    ...(field !== undefined ? { field } : {}),
    path,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    text: sentence(target, what),
  };
}

/** A readable name for an indicator or group id, falling back to the id. */
export function titleOf(map: ReadonlyMap<string, Text>, id: string): Text {
  return map.get(id) ?? { zh: id, en: id };
}
