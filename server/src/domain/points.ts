/**
 * Points are exact to 0.01. Jifen holds them as integer hundredths while it adds, caps and compares, and
 * turns them back into numbers only for output, so the order of addition never changes a result.
 *
 * @example
 * fromHundredths(toHundredths(0.1) + toHundredths(0.2)); // 0.3
 */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** The number of points that `hundredths` stands for (the nearest double to the 2-decimal value). */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** The one shared rounding rule: round half away from zero to 2 decimals. */
export function roundPoints(points: number): number {
  return fromHundredths(toHundredths(points));
}

/**
 * Points short of a scenario's bar, in hundredths: 0 once the score reaches it. Every evaluator and every
 * summary states `shortBy` through this.
 *
 * @example
 * shortOfBar(toHundredths(120), toHundredths(107.5)); // 1250
 */
export function shortOfBar(barHundredths: number, scoreHundredths: number): number {
  return Math.max(0, barHundredths - scoreHundredths);
}
