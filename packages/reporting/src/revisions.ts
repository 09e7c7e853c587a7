// published.revisions of REPORT.md: the numbers of the published report that this one gives
// otherwise, by JSON path. The numbers compared are those directly under the four figure blocks
// and inside their objects of fixed keys (mediation.by_kind, litigation.reconsideration, …), not
// the ranked lists, whose entries come and go.
import type { Report, Revision } from "./report-types.ts";

const BLOCKS = ["hotline", "mediation", "litigation", "supervision"] as const;

type Value = number | null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isValue = (v: unknown): v is Value => v === null || typeof v === "number";

/** Every number (or null rate) of those places, by path. */
export function figurePaths(report: unknown): Map<string, Value> {
  const out = new Map<string, Value>();
  if (!isObject(report)) return out;
  for (const block of BLOCKS) {
    const figures = report[block];
    if (!isObject(figures)) continue;
    for (const [key, value] of Object.entries(figures)) {
      if (isValue(value)) out.set(`${block}.${key}`, value);
      else if (isObject(value)) {
        for (const [inner, v] of Object.entries(value)) if (isValue(v)) out.set(`${block}.${key}.${inner}`, v);
      }
    }
  }
  return out;
}

/**
 * The figures that differ, sorted by path (code-point order). A figure the published report did
 * not have (made by an earlier release) was not published, so it is no revision; a rate that was
 * null (nothing to divide by) and is a number now, or the other way round, is one.
 */
export function revisions(published: unknown, current: Report): Revision[] {
  const before = figurePaths(published);
  const out: Revision[] = [];
  for (const [metric, now] of figurePaths(current)) {
    if (!before.has(metric)) continue;
    const was = before.get(metric)!;
    if (was !== now) out.push({ metric, published: was, now });
  }
  return out.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}
