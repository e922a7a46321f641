import type { FieldError } from '../../errors';
import { chineseOf } from './messages-zh';

/** A JSON path as segments, e.g. `['indicators', 3, 'tiers', 0, 'points']`. */
export type Path = readonly (string | number)[];

/** Collects every problem of a document; checks never stop at the first. */
export interface Problems {
  add(path: Path, message: string): void;
  readonly list: FieldError[];
}

/** An empty collector of problems. */
export function problems(): Problems {
  const list: FieldError[] = [];
  return {
    list,
    add(path, message) {
      list.push(bilingual({ path: path.join('.'), message }));
    },
  };
}

/** Reports every id that appears more than once in `items` at `[...base, index, 'id']`. */
export function checkUniqueIds(
  items: readonly { id: string }[],
  base: Path,
  what: string,
  report: Problems,
  taken: ReadonlyMap<string, string> = new Map(),
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const elsewhere = taken.get(item.id);
    if (elsewhere !== undefined) report.add([...base, i, 'id'], `${what} "${item.id}" is already defined ${elsewhere}`);
    else if (seen.has(item.id)) report.add([...base, i, 'id'], `${what} "${item.id}" is already defined at ${[...base, seen.get(item.id)!].join('.')}`);
    else seen.set(item.id, i);
  });
}

/** A field error with its Chinese text beside the English, when it has none yet. */
export function bilingual(error: FieldError): FieldError {
  if (error.messageZh) return error;
  const zh = chineseOf(error.message);
  return zh ? { ...error, messageZh: zh } : error;
}
