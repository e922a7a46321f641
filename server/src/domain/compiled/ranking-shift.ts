import type { Ranking } from '../ranking/rank';

/** One applicant's place before and after (null: not ranked, i.e. ineligible). */
export interface PositionChange {
  id: string;
  before: number | null;
  after: number | null;
}

/** How a round's ranking changes between two versions of the rules. */
export interface RankingShift {
  scenario: string;
  ranked: { before: number; after: number };
  admitted: { before: number; after: number };
  /** Admitted after, not before; and the reverse. All of them, in the new (old) ranking's order. */
  newlyAdmitted: string[];
  noLongerAdmitted: string[];
  /** Applicants ranked both times whose position improved, worsened or stayed. */
  moved: { up: number; down: number; same: number };
  /** The largest position changes (becoming ranked or unranked counts as the largest). */
  biggest: PositionChange[];
}

/**
 * Compares two rankings of the same applicants.
 *
 * @example
 * rankingShift('school-enrollment', rankRound(published, …), rankRound(draft, …), 10).newlyAdmitted;
 */
export function rankingShift(scenario: string, before: Ranking, after: Ranking, limit: number): RankingShift {
  const place = (r: Ranking) => new Map(r.ranked.map((x) => [x.id, x]));
  const was = place(before);
  const is = place(after);
  const moved = { up: 0, down: 0, same: 0 };
  const changes: (PositionChange & { size: number })[] = [];
  const ids = new Set([...was.keys(), ...is.keys()]);
  for (const id of ids) {
    const p0 = was.get(id)?.position ?? null;
    const p1 = is.get(id)?.position ?? null;
    if (p0 !== null && p1 !== null) {
      if (p1 < p0) moved.up++;
      else if (p1 > p0) moved.down++;
      else moved.same++;
    }
    const size = p0 === null || p1 === null ? Number.POSITIVE_INFINITY : Math.abs(p1 - p0);
    if (size > 0) changes.push({ id, before: p0, after: p1, size });
  }
  changes.sort((x, y) => y.size - x.size || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    scenario,
    ranked: { before: before.ranked.length, after: after.ranked.length },
    admitted: { before: count(before), after: count(after) },
    newlyAdmitted: after.ranked.filter((x) => x.admitted && !was.get(x.id)?.admitted).map((x) => x.id),
    noLongerAdmitted: before.ranked.filter((x) => x.admitted && !is.get(x.id)?.admitted).map((x) => x.id),
    moved,
    biggest: changes.slice(0, limit).map(({ id, before: b, after: a }) => ({ id, before: b, after: a })),
  };
}

function count(r: Ranking): number {
  return r.ranked.filter((x) => x.admitted).length;
}
