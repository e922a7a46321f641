import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JifenError } from '../../domain/errors';
import { embeddedFilePath } from '../../platform/db/database';

/** A key shorter than this is refused: it signs what proves the trail was not cut back. */
export const AUDIT_KEY_MIN_LENGTH = 32;
/** Where the embedded default keeps a generated key: beside the project, outside the data folder. */
export const DEFAULT_AUDIT_KEY_FILE = '.jifen/audit.key';

/**
 * The key that signs audit checkpoints; never stored in the database, so that whoever can rewrite the
 * database cannot sign a checkpoint for the rewritten trail. In order:
 * - `JIFEN_AUDIT_KEY` (at least 32 characters);
 * - `JIFEN_AUDIT_KEY_FILE`, a file holding the key (on another volume than the database, readable by Jifen only);
 * - outside production: `.jifen/audit.key` beside the project, generated on first start with a loud
 *   warning. With `NODE_ENV=production` one of the two variables is required and start fails without it.
 *   Several servers sharing a libsql server must all hold the same key.
 *
 * @example
 * const key = loadAuditKey({ env: process.env, databaseUrl: 'file:data/jifen.db' });
 */
export function loadAuditKey(options: { env: NodeJS.ProcessEnv; databaseUrl: string; cwd?: string; warn?: (message: string) => void }): string {
  const { env } = options;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const given = env.JIFEN_AUDIT_KEY?.trim();
  if (given) return checked(given, 'JIFEN_AUDIT_KEY');
  const file = env.JIFEN_AUDIT_KEY_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new JifenError('validation_failed', `Audit: JIFEN_AUDIT_KEY_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return checked(text, `the file ${file}`);
  }
  if (env.NODE_ENV === 'production') {
    throw new JifenError(
      'validation_failed',
      'Audit: set JIFEN_AUDIT_KEY (32+ random characters) or JIFEN_AUDIT_KEY_FILE: audit checkpoints are signed with a key the database ' +
        'does not hold; it is required in production',
    );
  }
  const path = resolve(options.cwd ?? process.cwd(), DEFAULT_AUDIT_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return existing;
  const created = createKeyFile(path);
  if (created.generated) {
    warn(
      [
        '**********************************************************************',
        `Jifen: WARNING: generated an audit checkpoint key in ${path}.`,
        'Checkpoints signed with it prove the audit trail was not cut back only while this file stays',
        'out of reach of whoever can write the database. For production set JIFEN_AUDIT_KEY or',
        'JIFEN_AUDIT_KEY_FILE (a file on another volume) and keep a copy away from this machine;',
        ...(embeddedFilePath(options.databaseUrl) ? [] : ['every server sharing this database needs the same key.']),
        '**********************************************************************',
      ].join('\n'),
    );
  }
  return created.key;
}

function checked(key: string, source: string): string {
  if (key.length < AUDIT_KEY_MIN_LENGTH) {
    throw new JifenError('validation_failed', `Audit: the audit key in ${source} must be at least ${AUDIT_KEY_MIN_LENGTH} characters`);
  }
  return key;
}

function readKeyFile(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text.length >= AUDIT_KEY_MIN_LENGTH ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a new key where none is; two servers starting at once end up with the same one (link is atomic). */
function createKeyFile(path: string): { key: string; generated: boolean } {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  const draft = join(dirname(path), `.audit.key.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, `${key}\n`, { mode: 0o600 });
  try {
    linkSync(draft, path);
    return { key, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = readKeyFile(path);
    if (!other) throw new JifenError('validation_failed', `Audit: ${path} holds no usable key; remove it, or set JIFEN_AUDIT_KEY`);
    return { key: other, generated: false };
  } finally {
    unlinkSync(draft);
  }
}
