import type { Client } from '@libsql/client';

/** Every resident's and child's identity on record: what must never reach someone who may not see it. */
export interface Identities {
  names: Map<string, string>;
  permits: Map<string, string>;
  residentIds: Set<string>;
}

/**
 * Reads every resident's name, permit number and id, and every child's name, from the database.
 *
 * @example
 * const people = await loadIdentities(client); findLeaks(body, people);
 */
export async function loadIdentities(client: Client): Promise<Identities> {
  const names = new Map<string, string>();
  const permits = new Map<string, string>();
  const residentIds = new Set<string>();
  for (const r of (await client.execute('SELECT id, name, permit_number FROM residents')).rows) {
    names.set(String(r.name), String(r.id));
    permits.set(String(r.permit_number), String(r.id));
    residentIds.add(String(r.id));
  }
  for (const c of (await client.execute('SELECT id, name FROM children')).rows) names.set(String(c.name), String(c.id));
  return { names, permits, residentIds };
}

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff·]+/gu;
const PERMIT_LIKE = /[0-9A-Za-z]{12,40}/g;
const RESIDENT_ID = /res-[0-9a-f-]{6,36}/g;
const JWT = /eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]+/g;

/**
 * Where a response body shows someone's identity: a full name (a run of Chinese characters that is a
 * whole two-character name, or contains a longer one), a full permit number, and — when `ids` — a resident
 * id. Signed tokens and statements (JWS) in the body are decoded and searched too. Names in `allowed` (the
 * caller's own family) are not reported.
 *
 * @example
 * findLeaks('{"name":"王英"}', people); // ['name 王英 (res-000001)']
 */
export function findLeaks(text: string, people: Identities, options: { allowed?: ReadonlySet<string>; ids?: boolean } = {}): string[] {
  const found = new Set<string>();
  const allowed = options.allowed ?? new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    const candidates = new Set<string>([run]);
    // A name of three or more characters may sit inside a longer run; a two-character one only alone
    // (as a JSON value or a table cell), or it would be found inside ordinary words.
    for (let i = 0; i < chars.length; i++) for (let n = 3; n <= 5 && i + n <= chars.length; n++) candidates.add(chars.slice(i, i + n).join(''));
    for (const c of candidates) {
      const owner = people.names.get(c);
      if (owner && !allowed.has(c)) found.add(`name ${c} (${owner})`);
    }
  }
  for (const [match] of text.matchAll(PERMIT_LIKE)) {
    const owner = people.permits.get(match);
    if (owner) found.add(`permit number ${match} (${owner})`);
  }
  if (options.ids) for (const [match] of text.matchAll(RESIDENT_ID)) if (people.residentIds.has(match)) found.add(`resident id ${match}`);
  for (const [, payload] of text.matchAll(JWT)) {
    const decoded = Buffer.from(payload!, 'base64url').toString('utf8');
    for (const leak of findLeaks(decoded, people, options)) found.add(`${leak} in a signed token`);
  }
  return [...found];
}
