// `generate --streets`: the district deployment's data (FEEDS.md "All feeds"). Every record may
// carry the street it belongs to; most do, some carry none (absent or null), some orders are
// transferred (a later event names another street), some cases and items lose it on their latest
// snapshot (then they belong to the default street, whatever earlier snapshots said), and a few
// name no street at all. Each feed favours another street, so the streets' shares are uneven.
// Streets are set on the generated records in place from streams of their own: without streets
// nothing here runs, and every other draw stays as it was.
import type { Emitted } from "./arrival.ts";
import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, SupervisionSnapshot } from "./feed-types.ts";
import type { Rng } from "./rng.ts";

type WithStreet = { street?: string | null };

export interface StreetFeeds {
  hotline: Emitted<HotlineEvent>[];
  mediation: Emitted<MediationSnapshot>[];
  litigation: Emitted<LitigationSnapshot>[];
  supervision: Emitted<SupervisionSnapshot>[];
}

/** Shares of the ways a record set (an order's events, a case's snapshots) names its street. */
export const STREET_SHARES = {
  /** no record names a street: the default street's */
  none: 0.04,
  /** from a later record on, another street (orders: 转办 to another sub-district) */
  transferred: { hotline: 0.07, snapshots: 0.03 },
  /** the latest snapshot carries none although earlier ones did */
  latestWithout: 0.05,
  /** any other record without a street */
  recordWithout: 0.06,
  /** a referred case of the same street as its order */
  referralSameStreet: 0.8,
} as const;

function groupByKey<T>(items: Emitted<T>[], key: (r: T) => string): Emitted<T>[][] {
  const groups = new Map<string, Emitted<T>[]>();
  for (const e of items) {
    const k = key(e.record);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  // Stable: same-instant records keep the order they were made in.
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.at - b.at));
}

/** Street i weighs 1 / (1 + rank), the ranks rotated per feed: 55/27/18 % for three streets. */
function picker(rng: Rng, streets: readonly string[], feedIndex: number): () => string {
  const weights = streets.map((s, i) => [s, 1 / (1 + ((i + feedIndex) % streets.length))] as const);
  return () => rng.weighted(weights);
}

function other(rng: Rng, streets: readonly string[], not: string): string {
  const rest = streets.filter((s) => s !== not);
  return rest.length === 0 ? not : rng.pick(rest);
}

/** Carry `street`, or none: mostly absent, sometimes an explicit null (null means absent). */
function put(rng: Rng, r: WithStreet, street: string | null): void {
  if (street !== null) r.street = street;
  else if (rng.chance(0.3)) r.street = null;
  else delete r.street;
}

/**
 * One record set's streets. `home` is the street it belongs to; a transfer moves it to another
 * street from record `k` on (that record always names the new street); `latestWithout` strips the
 * street from the latest records (every record at the latest instant, as a tie there is the
 * msg_ids' to break).
 */
function streetRecords<T extends WithStreet>(rng: Rng, streets: readonly string[], records: Emitted<T>[], home: string, transferShare: number, latestWithout: boolean): string | null {
  const r = rng.float();
  if (r < STREET_SHARES.none) {
    for (const e of records) put(rng, e.record, null);
    return null;
  }
  const transferred = records.length >= 2 && streets.length >= 2 && r < STREET_SHARES.none + transferShare;
  const k = transferred ? rng.int(1, records.length - 1) : records.length;
  const moved = transferred ? other(rng, streets, home) : home;
  const lastAt = records[records.length - 1]?.at;
  const earlier = records.length >= 2 && (records[0]?.at ?? 0) !== lastAt;
  const strip = latestWithout && earlier && !transferred && rng.chance(STREET_SHARES.latestWithout);
  records.forEach((e, i) => {
    if (strip && e.at === lastAt) put(rng, e.record, null);
    else if (i === k) put(rng, e.record, moved);
    else put(rng, e.record, rng.chance(STREET_SHARES.recordWithout) ? null : i < k ? home : moved);
  });
  return moved;
}

function snapshotStreets<T extends WithStreet>(rng: Rng, streets: readonly string[], records: Emitted<T>[], key: (r: T) => string, feedIndex: number): void {
  const pick = picker(rng, streets, feedIndex);
  for (const snaps of groupByKey(records, key)) streetRecords(rng, streets, snaps, pick(), STREET_SHARES.transferred.snapshots, true);
}

/**
 * Sets `street` on the records of the feeds given (each from a stream of its own, so the feeds may
 * come in separate calls); mediation's referred cases follow the orders given with them.
 */
export function assignStreets(rng: Rng, streets: readonly string[], feeds: Partial<StreetFeeds>): void {
  const orderStreets = new Map<string, string>();
  const h = rng.fork("hotline");
  const pickOrder = picker(h, streets, 0);
  for (const events of groupByKey(feeds.hotline ?? [], (e) => e.order_id)) {
    const street = streetRecords(h, streets, events, pickOrder(), STREET_SHARES.transferred.hotline, false);
    const id = events[0]?.record.order_id;
    if (street !== null && id !== undefined) orderStreets.set(id, street);
  }
  // A referred case mostly belongs to its order's street; some to another (FEEDS.md lets them differ).
  const m = rng.fork("mediation");
  const pickCase = picker(m, streets, 1);
  for (const snaps of groupByKey(feeds.mediation ?? [], (s) => s.case_id)) {
    const ref = snaps[0]?.record.referral_order_id;
    const orderStreet = ref == null ? undefined : orderStreets.get(ref);
    // Drawn either way, so that whether a case is referred moves no other case's street.
    const own = pickCase();
    const home = orderStreet !== undefined && m.chance(STREET_SHARES.referralSameStreet) ? orderStreet : own;
    streetRecords(m, streets, snaps, home, STREET_SHARES.transferred.snapshots, true);
  }
  snapshotStreets(rng.fork("litigation"), streets, feeds.litigation ?? [], (s) => s.case_id, 2);
  snapshotStreets(rng.fork("supervision"), streets, feeds.supervision ?? [], (s) => s.item_id, 3);
}
