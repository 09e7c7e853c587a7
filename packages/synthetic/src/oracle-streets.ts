// REPORT.md "Streets": which street each order, case and item belongs to, the folded truth of one
// street, and the unscoped report's `streets` table (each street's figures from its own report).
import { compareCodePoints } from "./code-point.ts";
import type { FoldedTruth } from "./oracle-state.ts";
import type { Report, StreetEntry } from "./report-types.ts";
import { belongsTo } from "./street.ts";

/** Every street that any stored order, case or item belongs to, in code-point order. */
export function streetsOf(folded: FoldedTruth, defaultStreet: string): string[] {
  const all = [...folded.orders, ...folded.mediation, ...folded.litigation, ...folded.supervision];
  return [...new Set(all.map((x) => belongsTo(x.street, defaultStreet)))].sort(compareCodePoints);
}

const scopes = new WeakMap<FoldedTruth, Map<string, FoldedTruth>>();

/**
 * The orders, cases and items whose street (now: their latest records') is `street`, for every
 * period, the year and months before P included; quality stays the deployment's.
 */
export function scopeToStreet(folded: FoldedTruth, street: string, defaultStreet: string): FoldedTruth {
  let cache = scopes.get(folded);
  if (cache === undefined) scopes.set(folded, (cache = new Map()));
  const key = `${defaultStreet}\u0000${street}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const mine = <T extends { street: string | null }>(xs: T[]): T[] => xs.filter((x) => belongsTo(x.street, defaultStreet) === street);
  const scoped: FoldedTruth = {
    orders: mine(folded.orders),
    mediation: mine(folded.mediation),
    litigation: mine(folded.litigation),
    supervision: mine(folded.supervision),
    quality: folded.quality,
  };
  cache.set(key, scoped);
  return scoped;
}

/** REPORT.md's `streets` entry: figures of the street's own (scoped) report, by the contract's names. */
export function streetEntry(street: string, r: Report): StreetEntry {
  return {
    street,
    hotline_orders: r.hotline.orders,
    on_time_close_rate: r.hotline.on_time_close_rate,
    satisfaction_rate: r.hotline.satisfaction_rate,
    mediation_registered: r.mediation.registered,
    mediation_success_rate: r.mediation.success_rate,
    reconsideration_filed: r.litigation.reconsideration.filed,
    litigation_filed: r.litigation.litigation.filed,
    lost: r.litigation.lost,
    supervision_received: r.supervision.received,
  };
}
