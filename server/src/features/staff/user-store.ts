import type { Row } from '@libsql/client';
import { z } from 'zod';
import { ROLES, type StaffUser } from '../../domain/accounts/roles';
import { JifenError } from '../../domain/errors';
import type { SqlExecutor } from '../../platform/db/database';

/** A staff account as stored: the user and the hash of their password. */
export interface UserRecord extends StaffUser {
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  /** Who created the account (an admin's username, `cli`, `system`). */
  createdBy?: string;
  /** Who last changed its roles, departments or password. */
  changedBy?: string;
  /** Who chose the current password, when not its owner. */
  passwordSetBy?: string;
}

export type UserChanges = Partial<Pick<UserRecord, 'displayName' | 'roles' | 'departments' | 'disabled' | 'passwordHash'>> & {
  changedBy?: string;
  /** `null` clears it (the owner chose the password). */
  passwordSetBy?: string | null;
};

const rolesColumn = z.array(z.enum(ROLES));
const departmentsColumn = z.array(z.string());
const COLUMNS = 'id, username, display_name, password_hash, roles, departments, disabled, created_at, updated_at, created_by, changed_by, password_set_by';

/**
 * Staff accounts in libsql. Give it the client to read, or an open transaction to write together with the
 * audit entry.
 *
 * @example
 * const user = await createUserStore(client).findByUsername('li.approver');
 */
export function createUserStore(db: SqlExecutor) {
  const one = async (where: string, arg: string) =>
    (await db.execute({ sql: `SELECT ${COLUMNS} FROM users WHERE ${where}`, args: [arg] })).rows[0];

  return {
    async findByUsername(username: string): Promise<UserRecord | undefined> {
      const row = await one('username = ?', username.toLowerCase());
      return row && toRecord(row);
    },

    async findById(id: string): Promise<UserRecord | undefined> {
      const row = await one('id = ?', id);
      return row && toRecord(row);
    },

    async list(): Promise<UserRecord[]> {
      return (await db.execute(`SELECT ${COLUMNS} FROM users ORDER BY username`)).rows.map(toRecord);
    },

    async count(): Promise<number> {
      return Number((await db.execute('SELECT count(*) AS n FROM users')).rows[0]?.n ?? 0);
    },

    /** Active accounts holding the admin role. */
    async countActiveAdmins(): Promise<number> {
      const result = await db.execute(
        `SELECT count(*) AS n FROM users WHERE disabled = 0 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')`,
      );
      return Number(result.rows[0]?.n ?? 0);
    },

    /** Throws `conflict` when the username is taken. */
    async insert(user: UserRecord): Promise<void> {
      const taken = await one('username = ?', user.username);
      if (taken) {
        throw new JifenError('conflict', { en: `Users: the username ${user.username} is taken`, zh: `用户名 ${user.username} 已被占用` }, [{ path: 'username', message: 'is taken' }]);
      }
      await db.execute({
        sql: `INSERT INTO users (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          user.id,
          user.username,
          user.displayName,
          user.passwordHash,
          JSON.stringify(user.roles),
          JSON.stringify(user.departments),
          user.disabled ? 1 : 0,
          user.createdAt,
          user.updatedAt,
          user.createdBy ?? null,
          user.changedBy ?? null,
          user.passwordSetBy ?? null,
        ],
      });
    },

    async update(id: string, changes: UserChanges, updatedAt: string): Promise<void> {
      const sets: string[] = ['updated_at = ?'];
      const args: (string | number | null)[] = [updatedAt];
      const set = (column: string, value: string | number | null) => {
        sets.push(`${column} = ?`);
        args.push(value);
      };
      if (changes.displayName !== undefined) set('display_name', changes.displayName);
      if (changes.roles !== undefined) set('roles', JSON.stringify(changes.roles));
      if (changes.departments !== undefined) set('departments', JSON.stringify(changes.departments));
      if (changes.disabled !== undefined) set('disabled', changes.disabled ? 1 : 0);
      if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
      if (changes.changedBy !== undefined) set('changed_by', changes.changedBy);
      if (changes.passwordSetBy !== undefined) set('password_set_by', changes.passwordSetBy);
      await db.execute({ sql: `UPDATE users SET ${sets.join(', ')} WHERE id = ?`, args: [...args, id] });
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;

/** The account without its credentials: what the API shows and audit entries hash. */
export function publicUser(user: StaffUser): StaffUser {
  const { id, username, displayName, roles, departments, disabled } = user;
  return { id, username, displayName, roles: [...roles], departments: [...departments], disabled };
}

function toRecord(row: Row): UserRecord {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    passwordHash: String(row.password_hash),
    roles: rolesColumn.parse(JSON.parse(String(row.roles))),
    departments: departmentsColumn.parse(JSON.parse(String(row.departments))),
    disabled: Number(row.disabled) === 1,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    ...(row.created_by === null || row.created_by === undefined ? {} : { createdBy: String(row.created_by) }),
    ...(row.changed_by === null || row.changed_by === undefined ? {} : { changedBy: String(row.changed_by) }),
    ...(row.password_set_by === null || row.password_set_by === undefined ? {} : { passwordSetBy: String(row.password_set_by) }),
  };
}
