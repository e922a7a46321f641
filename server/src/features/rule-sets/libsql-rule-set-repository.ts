import { LibsqlError, type Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import type {
  NewVersion,
  PublishedVersion,
  RuleSetRepository,
  RuleSetSummary,
  VersionMeta,
} from '../../domain/rule-set/repository';
import { ruleSetSchema, textSchema } from '../../domain/rule-set/schema';
import type { SqlExecutor } from '../../platform/db/database';
import type { PreparedRead, PreparedReads } from '../../platform/db/prepared-reads';

const META = 'rule_set_id, version, hash, effective_from, published_at, published_by, note, approved_by';
/** The version in force on a date: the latest effective date on or before it, then the highest number. */
const IN_FORCE = `FROM rule_set_versions WHERE rule_set_id = ? AND effective_from <= ?
  ORDER BY effective_from DESC, version DESC LIMIT 1`;

/**
 * The rule-set repository on libsql. Give it the client, or an open transaction to make its writes part
 * of a larger unit (a publish and its audit entry). With `reads` (the client's own file, never a
 * transaction's), the version in force is read through a statement prepared once.
 *
 * @example
 * const repo = createLibsqlRuleSetRepository(client);
 * await repo.findVersionInForce('provincial-common', '2026-06-30');
 */
export function createLibsqlRuleSetRepository(
  db: SqlExecutor,
  options: { reads?: PreparedReads; warn?: (message: string) => void } = {},
): RuleSetRepository {
  const one = async (sql: string, args: (string | number)[]) => (await db.execute({ sql, args })).rows[0];
  // Said once, so that a lasting problem (a file another process locks for good) is seen in the log.
  let warned = false;
  const readThroughClient = (error: unknown) => {
    if (warned) return;
    warned = true;
    (options.warn ?? console.warn)(`Jifen: the version in force was read through the database client instead (${error instanceof Error ? error.message : String(error)})`);
  };
  let preparedInForce: PreparedRead | undefined;
  try {
    preparedInForce = options.reads?.prepare(`SELECT version ${IN_FORCE}`);
  } catch (error) {
    readThroughClient(error);
  }

  async function summaries(where: string, args: string[]): Promise<RuleSetSummary[]> {
    // The latest version of each rule set: no higher version of the same rule set exists.
    const result = await db.execute({
      sql: `SELECT ${META}, json_extract(document, '$.title') AS title, json_extract(document, '$.owner') AS owner
            FROM rule_set_versions v
            WHERE NOT EXISTS (SELECT 1 FROM rule_set_versions w WHERE w.rule_set_id = v.rule_set_id AND w.version > v.version)
            ${where}
            ORDER BY rule_set_id`,
      args,
    });
    return result.rows.map((row) => ({
      id: String(row.rule_set_id),
      title: textSchema.parse(JSON.parse(String(row.title))),
      owner: String(row.owner),
      latest: toMeta(row),
    }));
  }

  return {
    listRuleSets: () => summaries('', []),

    async getRuleSet(ruleSetId) {
      return (await summaries('AND rule_set_id = ?', [ruleSetId]))[0];
    },

    async listVersions(ruleSetId) {
      const result = await db.execute({
        sql: `SELECT ${META} FROM rule_set_versions WHERE rule_set_id = ? ORDER BY version`,
        args: [ruleSetId],
      });
      return result.rows.map(toMeta);
    },

    async getVersionMeta(ruleSetId, version) {
      const row = await one(`SELECT ${META} FROM rule_set_versions WHERE rule_set_id = ? AND version = ?`, [ruleSetId, version]);
      return row && toMeta(row);
    },

    async getVersion(ruleSetId, version) {
      const row = await one(`SELECT ${META}, document FROM rule_set_versions WHERE rule_set_id = ? AND version = ?`, [
        ruleSetId,
        version,
      ]);
      return row && toPublished(row);
    },

    async findVersionInForce(ruleSetId, asOf) {
      const row = await one(`SELECT ${META} ${IN_FORCE}`, [ruleSetId, asOf]);
      return row && toMeta(row);
    },

    async findVersionNumberInForce(ruleSetId, asOf) {
      // One column, read from the index `rule_set_versions_in_force` alone: this runs on every evaluation.
      if (preparedInForce) {
        try {
          const row = preparedInForce(ruleSetId, asOf);
          return row && Number(row[0]);
        } catch (error) {
          // A locked file: this read goes through the client, which waits for the lock and reports whatever
          // else is wrong; the next read tries the prepared statement again.
          readThroughClient(error);
        }
      }
      const row = await one(`SELECT version ${IN_FORCE}`, [ruleSetId, asOf]);
      return row && Number(row.version);
    },

    async insertVersion(input: NewVersion) {
      const { document } = input;
      const meta: VersionMeta = {
        ruleSetId: document.id,
        version: document.version,
        hash: contentHash(document),
        effectiveFrom: document.effectiveFrom,
        publishedAt: input.publishedAt,
        publishedBy: input.publishedBy,
        note: input.note,
        ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
      };
      await db.execute({
        sql: 'INSERT INTO rule_sets (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING',
        args: [meta.ruleSetId, meta.publishedAt],
      });
      try {
        await db.execute({
          sql: `INSERT INTO rule_set_versions (${META}, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            meta.ruleSetId,
            meta.version,
            meta.hash,
            meta.effectiveFrom,
            meta.publishedAt,
            meta.publishedBy,
            meta.note,
            meta.approvedBy ?? null,
            JSON.stringify(document),
          ],
        });
      } catch (error) {
        if (error instanceof LibsqlError && /immutable|UNIQUE|PRIMARY ?KEY/i.test(`${error.code} ${error.message}`)) {
          throw new JifenError('conflict', { en: `RuleSets: ${meta.ruleSetId} version ${meta.version} is already published`, zh: '这个版本已发布；已发布的版本不能修改' }, [
            { path: 'version', message: 'is already published; published versions are immutable' },
          ]);
        }
        throw error;
      }
      return meta;
    },
  };
}

function toMeta(row: Row): VersionMeta {
  return {
    ruleSetId: String(row.rule_set_id),
    version: Number(row.version),
    hash: String(row.hash),
    effectiveFrom: String(row.effective_from),
    publishedAt: String(row.published_at),
    publishedBy: String(row.published_by),
    note: String(row.note),
    ...(row.approved_by === null || row.approved_by === undefined ? {} : { approvedBy: String(row.approved_by) }),
  };
}

function toPublished(row: Row): PublishedVersion {
  // Stored documents were validated when published; parsing again gives them their type without a cast.
  return { ...toMeta(row), document: ruleSetSchema.parse(JSON.parse(String(row.document))) };
}
