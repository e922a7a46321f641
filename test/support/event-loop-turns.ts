/**
 * How many turns of the event loop pass while `work` runs: how often other requests get in while a long
 * answer is made.
 *
 * @example
 * expect(await turnsWhile(() => summaryAnswer(rs, head, residents))).toBeGreaterThanOrEqual(8);
 */
export async function turnsWhile(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let working = true;
  const tick = () => {
    if (!working) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work();
  } finally {
    working = false;
  }
  return turns;
}
