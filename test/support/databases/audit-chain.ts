import { chainEntry, type AuditEntry } from '../../../server/src/domain/audit/chain';
import { contentHash } from '../../../server/src/domain/rule-set/hash';

/**
 * A valid audit chain of `length` entries (edits and approvals of one draft, a minute apart), for tests
 * that tamper with it.
 *
 * @example
 * const chain = sampleAuditChain(8); // seq 1…8
 */
export function sampleAuditChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) {
    entries.push(
      chainEntry(entries.at(-1), {
        at: `2026-03-01T09:${String(i).padStart(2, '0')}:00+08:00`,
        actor: i % 2 ? 'approver-li' : 'editor-wang',
        action: i % 2 ? 'draft-approved' : 'draft-edited',
        target: 'rule-set:district-sample/draft:7',
        before: contentHash({ version: i }),
        after: contentHash({ version: i + 1 }),
        details: { note: `change ${i}` },
      }),
    );
  }
  return entries;
}
