// REPORT.md: rates are plain fractions, null on a zero denominator; yoy is null when the
// earlier figure is 0.

export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function yoy(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}
