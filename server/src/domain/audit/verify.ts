import { LOCAL_OFFSET_MINUTES } from '../local-date';
import { entryHash, GENESIS_HASH, type AuditEntry } from './chain';

/** How the chain was broken at one place. */
export type ChainProblemKind = 'altered' | 'inserted' | 'deleted' | 'reordered' | 'broken-link';

export interface ChainProblem {
  /** The entry at fault; for a deletion, the first missing number. */
  seq: number;
  kind: ChainProblemKind;
  message: string;
  /** The same in Chinese, with times in China time: auditors read it on the audit page. */
  messageZh: string;
}

/** A problem's words in both languages. */
export interface ProblemText {
  en: string;
  zh: string;
}

export type ChainReport =
  | { ok: true; count: number; head?: { seq: number; hash: string } }
  | { ok: false; count: number; problems: ChainProblem[] };

export interface VerifyOptions {
  /**
   * The latest entry as recorded somewhere else (a signed export, a second store). Without it, entries
   * removed from the end, or made up and appended with correct hashes, cannot be told from a shorter chain.
   */
  head?: { seq: number; hash: string };
}

const MAX_PROBLEMS = 1000;
const MAX_SHIFT = 5;

/**
 * Checks an audit trail as stored (in storage order) and says what was done to it, entry by entry:
 * - `altered`: an entry's content no longer matches its hash, or it was rewritten with a new hash that the
 *   next entry does not link to;
 * - `inserted`: an entry the chain skips (the next entry links past it), or a second entry with a number;
 * - `deleted`: numbers missing, or an entry that links to a hash no longer in the chain;
 * - `reordered`: stored out of sequence;
 * - `broken-link`: an entry that does not link to the one before it, when nothing else explains why.
 *
 * @example
 * verifyChain(entries); // { ok: false, count: 9, problems: [{ seq: 4, kind: 'altered', message: 'entry 4 … does not match its hash' }] }
 */
export function verifyChain(entries: readonly AuditEntry[], options: VerifyOptions = {}): ChainReport {
  const problems: ChainProblem[] = [];
  const report = (seq: number, kind: ChainProblemKind, text: ProblemText) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ seq, kind, message: text.en, messageZh: text.zh });
  };

  let highest = -Infinity;
  for (const e of entries) {
    if (e.seq < highest) report(e.seq, 'reordered', { en: `entry ${e.seq} is stored after entry ${highest}`, zh: `第 ${e.seq} 条记录存放在第 ${highest} 条之后（顺序被打乱）` });
    highest = Math.max(highest, e.seq);
  }
  const chain = [...entries].sort((a, b) => a.seq - b.seq);

  // Entries sharing a number: the one linked from both sides belongs; the others were inserted.
  const groups: AuditEntry[][] = [];
  for (const e of chain) {
    const group = groups.at(-1);
    if (group && group[0]!.seq === e.seq) group.push(e);
    else groups.push([e]);
  }

  let prev: AuditEntry | undefined;
  let beforePrev: AuditEntry | undefined;
  for (const [g, group] of groups.entries()) {
    const linked = group.filter((x) => links(x, prev));
    const next = groups[g + 1] ?? [];
    const e =
      linked.find((x) => next.some((n) => n.prevHash === x.hash)) ??
      linked[0] ??
      group.find((x) => entryHash(x) === x.hash) ??
      group[0]!;
    for (const other of group) {
      if (other !== e) report(other.seq, 'inserted', { en: `a second entry ${other.seq} (${describe(other)}) is not part of the chain`, zh: `另有一条编号为 ${other.seq} 的记录（${describeZh(other)}）不在记录链中：系被插入` });
    }
    const intact = entryHash(e) === e.hash;
    const shift = intact ? 0 : renumbering(e);
    if (!intact) {
      const renumbered = shift === 0 ? '' : `: it was renumbered (it was entry ${e.seq + shift})`;
      const renumberedZh = shift === 0 ? '' : `：编号被改过（原为第 ${e.seq + shift} 条）`;
      report(e.seq, 'altered', { en: `entry ${e.seq} (${describe(e)}) does not match its hash${renumbered}`, zh: `第 ${e.seq} 条记录（${describeZh(e)}）与其哈希不符，内容被改动${renumberedZh}` });
    }
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq > expectedSeq) {
      const range = e.seq - 1 === expectedSeq ? `entry ${expectedSeq} is` : `entries ${expectedSeq}–${e.seq - 1} are`;
      const rangeZh = e.seq - 1 === expectedSeq ? `第 ${expectedSeq} 条` : `第 ${expectedSeq}–${e.seq - 1} 条`;
      report(expectedSeq, 'deleted', { en: `${range} missing`, zh: `${rangeZh}记录缺失：已被删除` });
    } else if (!links(e, prev)) {
      if (prev && e.prevHash === (beforePrev?.hash ?? GENESIS_HASH)) {
        report(prev.seq, 'inserted', { en: `entry ${prev.seq} (${describe(prev)}) was inserted: entry ${e.seq} links past it`, zh: `第 ${prev.seq} 条记录（${describeZh(prev)}）系被插入：第 ${e.seq} 条越过它与前一条相连` });
      } else if (shift > 0) {
        report(e.seq, 'deleted', { en: `entry ${e.seq} was deleted and the entries after it renumbered`, zh: `第 ${e.seq} 条记录被删除，其后的记录被重新编号` });
      } else if (prev && intact) {
        // e is untouched and still names the hash its predecessor had when e was written.
        report(prev.seq, 'altered', { en: `entry ${prev.seq} (${describe(prev)}) was rewritten or replaced: entry ${e.seq} links to a different hash`, zh: `第 ${prev.seq} 条记录（${describeZh(prev)}）被改写或替换：第 ${e.seq} 条连接的是另一个哈希` });
      } else if (prev) {
        report(e.seq, 'broken-link', { en: `entry ${e.seq} does not link to entry ${prev.seq}: one of them was rewritten`, zh: `第 ${e.seq} 条与第 ${prev.seq} 条记录接不上：其中一条被改写` });
      } else {
        report(e.seq, 'broken-link', { en: `entry ${e.seq} does not start from the genesis hash`, zh: `第 ${e.seq} 条记录不是从记录链的起点开始` });
      }
    }
    beforePrev = prev;
    prev = e;
  }

  const head = options.head;
  if (head) {
    const last = chain.at(-1);
    const atHead = chain.find((e) => e.seq === head.seq);
    if (!last || last.seq < head.seq) {
      const from = (last?.seq ?? 0) + 1;
      report(from, 'deleted', { en: `entries ${from}–${head.seq} are missing from the end (the recorded head is entry ${head.seq})`, zh: `末尾第 ${from}–${head.seq} 条记录缺失（登记的最新记录是第 ${head.seq} 条）：已被截去` });
    } else if (atHead && atHead.hash !== head.hash) {
      report(head.seq, 'broken-link', { en: `entry ${head.seq} differs from the recorded head`, zh: `第 ${head.seq} 条记录与登记的最新记录不一致` });
    }
  }

  if (problems.length > 0) return { ok: false, count: entries.length, problems };
  const last = chain.at(-1);
  return { ok: true, count: entries.length, ...(last ? { head: { seq: last.seq, hash: last.hash } } : {}) };
}

function links(e: AuditEntry, prev: AuditEntry | undefined): boolean {
  return e.prevHash === (prev ? prev.hash : GENESIS_HASH);
}

/** How far an entry's number moved, when only its number changed: +2 means it was entry seq + 2. */
function renumbering(e: AuditEntry): number {
  for (let shift = 1; shift <= MAX_SHIFT; shift++) {
    if (entryHash({ ...e, seq: e.seq + shift }) === e.hash) return shift;
    if (e.seq - shift >= 1 && entryHash({ ...e, seq: e.seq - shift }) === e.hash) return -shift;
  }
  return 0;
}

function describe(e: AuditEntry): string {
  return `${e.action} by ${e.actor} at ${e.at}`;
}

/** An entry as the audit page names it: the actor, the action's code and the time in China. */
function describeZh(e: Pick<AuditEntry, 'action' | 'actor' | 'at'>): string {
  return `${e.actor}，${e.action}，${chinaTime(e.at)}`;
}

/** An instant as China time, to the minute: 2026-12-06 17:40. */
function chinaTime(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const local = new Date(ms + LOCAL_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
