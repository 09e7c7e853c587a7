// Figure-by-figure comparison of a report with the generator's reference report: every key,
// alert messages included (their templates are fixed in docs/semantics.md); rates to 1e-12.
export function reportDifferences(actual: unknown, expected: unknown, path = ""): string[] {
  if (typeof actual === "number" && typeof expected === "number") {
    return Math.abs(actual - expected) <= 1e-12 ? [] : [`${path}: got ${actual}, expected ${expected}`];
  }
  if (actual === null || expected === null || typeof actual !== "object" || typeof expected !== "object") {
    return actual === expected ? [] : [`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
  return [...keys].flatMap((k) => reportDifferences(a[k], e[k], path ? `${path}.${k}` : k));
}

export function withoutQuality<T extends { quality?: unknown }>(report: T): Omit<T, "quality"> {
  const { quality: _quality, ...rest } = report;
  return rest;
}
