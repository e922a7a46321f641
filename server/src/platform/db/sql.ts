/** Small SQL helpers every store shares. */

/** Largest number of `?` placeholders put in one `IN (…)` list. */
export const IN_CHUNK = 500;

/** Splits ids into chunks for `IN (…)` queries. */
export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A nullable text column as an optional string. */
export const optionalText = (raw: unknown): string | undefined => (raw === null || raw === undefined ? undefined : String(raw));
