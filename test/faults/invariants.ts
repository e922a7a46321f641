import type { Client } from '@libsql/client';

/**
 * What must hold in the whole database at any moment, whatever was interrupted: each change and its audit
 * entry exist together or not at all. Answers one line per broken promise, and counts for the report.
 *
 * @example
 * const { problems } = await checkInvariants(client); // [] when nothing is half-written
 */
export async function checkInvariants(client: Client): Promise<{ problems: string[]; counts: Record<string, number> }> {
  const problems: string[] = [];
  const rows = async (sql: string) => (await client.execute(sql)).rows;
  const keyed = async (sql: string) => new Map((await rows(sql)).map((r) => [String(r.k), r]));

  // Published versions ↔ their `version-published` entry (same content hash) ↔ the approved draft; the
  // shipped versions a fresh database takes in have their entry (by seed) and no draft.
  const versions = await keyed(`SELECT rule_set_id || '/version:' || version AS k, hash, published_by FROM rule_set_versions`);
  const publishedEntries = await keyed(`SELECT substr(target, 10) AS k, after AS hash FROM audit_log WHERE action = 'version-published'`);
  const publishedDrafts = await keyed(
    `SELECT rule_set_id || '/version:' || published_version AS k, id FROM drafts WHERE status = 'published'`,
  );
  const approvals = await keyed(
    `SELECT substr(target, 10, instr(target, '/draft:') - 10) || '/version:' || json_extract(details, '$.version') AS k FROM audit_log WHERE action = 'draft-approved'`,
  );
  for (const [k, v] of versions) {
    if (publishedEntries.get(k)?.hash !== v.hash) problems.push(`version ${k} has no version-published entry with its hash`);
    if (v.published_by === 'seed') continue;
    if (!publishedDrafts.has(k)) problems.push(`version ${k} has no published draft`);
    if (!approvals.has(k)) problems.push(`version ${k} has no draft-approved entry`);
  }
  for (const k of publishedEntries.keys()) if (!versions.has(k)) problems.push(`entry version-published ${k} names a version that does not exist`);
  for (const k of publishedDrafts.keys()) if (!versions.has(k)) problems.push(`draft published as ${k} but the version does not exist`);

  // Drafts ↔ `draft-created`; submitted drafts ↔ `draft-submitted`.
  const drafts = await keyed(`SELECT 'rule-set:' || rule_set_id || '/draft:' || id AS k, submitted_at FROM drafts`);
  const created = await keyed(`SELECT DISTINCT target AS k FROM audit_log WHERE action = 'draft-created'`);
  const submitted = await keyed(`SELECT DISTINCT target AS k FROM audit_log WHERE action = 'draft-submitted'`);
  for (const [k, d] of drafts) {
    if (!created.has(k)) problems.push(`${k} has no draft-created entry`);
    if (d.submitted_at !== null && !submitted.has(k)) problems.push(`${k} was submitted without a draft-submitted entry`);
  }
  for (const k of created.keys()) if (!drafts.has(k)) problems.push(`entry draft-created names ${k}, which does not exist`);

  // Feed calls ↔ `feed-applied` (same counts) ↔ their applied records.
  const calls = await keyed(`SELECT 'feed:' || source || '/' || id AS k, applied FROM feed_calls`);
  const feedEntries = await keyed(`SELECT target AS k, json_extract(details, '$.applied') AS applied FROM audit_log WHERE action = 'feed-applied'`);
  const recordCounts = await keyed(`SELECT 'feed:' || source || '/' || call_id AS k, count(*) AS n FROM feed_records GROUP BY source, call_id`);
  for (const [k, c] of calls) {
    if (Number(feedEntries.get(k)?.applied) !== Number(c.applied)) problems.push(`${k} has no feed-applied entry with its count`);
    if (Number(recordCounts.get(k)?.n ?? 0) !== Number(c.applied)) problems.push(`${k} says ${c.applied} records applied, ${recordCounts.get(k)?.n ?? 0} are`);
  }
  for (const k of feedEntries.keys()) if (!calls.has(k)) problems.push(`entry feed-applied names ${k}, which does not exist`);
  for (const k of recordCounts.keys()) if (!calls.has(k)) problems.push(`records applied by ${k}, a call that was never recorded`);

  // Spends ↔ `ledger-exchanged`; fact values and ledger entries from feeds ↔ an applied record (a record
  // sent without `evidence`, as the fault run's are, is its own evidence: its key).
  const spends = await keyed(`SELECT id AS k FROM ledger_entries WHERE kind = 'spend'`);
  const exchanged = await keyed(`SELECT json_extract(details, '$.entry') AS k FROM audit_log WHERE action = 'ledger-exchanged'`);
  for (const k of spends.keys()) if (!exchanged.has(k)) problems.push(`spend ${k} has no ledger-exchanged entry`);
  for (const k of exchanged.keys()) if (!spends.has(k)) problems.push(`entry ledger-exchanged names spend ${k}, which does not exist`);
  const orphans = await rows(
    `SELECT 'fact' AS what, count(*) AS n FROM fact_history h WHERE source_kind = 'feed' AND NOT EXISTS (SELECT 1 FROM feed_records r WHERE r.source = h.source AND r.record_key = h.evidence)
     UNION ALL
     SELECT 'ledger entry', count(*) FROM ledger_entries e WHERE source_kind = 'feed' AND NOT EXISTS (SELECT 1 FROM feed_records r WHERE r.source = e.source AND r.record_key = e.evidence)`,
  );
  for (const o of orphans) if (Number(o.n) > 0) problems.push(`${o.n} ${o.what} value(s) from feeds belong to no applied record`);

  return {
    problems,
    counts: { versions: versions.size, drafts: drafts.size, feedCalls: calls.size, spends: spends.size },
  };
}
