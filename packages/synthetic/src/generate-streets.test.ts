// `generate --streets`: the district's feeds. Deterministic for a seed; the feeds without streets
// are those of before (generate-feeds.test.ts holds their digests); the cases of FEEDS.md "All
// feeds" are present; the streets' reports add up to the district's.
import { describe, expect, it } from "vitest";
import { reportFromFolded, reportsFromFolded } from "./expected-report.ts";
import type { ReportTruth } from "./feed-types.ts";
import { generateFeeds } from "./generate-feeds.ts";
import { STREET_MALFORMED, type FeedName } from "./malformed-kinds.ts";
import { foldTruth } from "./oracle-state.ts";
import { streetsOf } from "./oracle-streets.ts";
import { belongsTo, DEFAULT_STREET } from "./street.ts";

const FEEDS: FeedName[] = ["hotline", "mediation", "litigation", "supervision"];
const STREETS = ["蛇口街道", "招商街道", "粤海街道"];
const plain = generateFeeds({ seed: 7, scale: 0.1 });
const district = generateFeeds({ seed: 7, scale: 0.1, streets: STREETS });
type Obj = Record<string, unknown>;
const parse = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};
const withoutStreet = (o: unknown): unknown => {
  if (Array.isArray(o)) return o.map(withoutStreet);
  if (o === null || typeof o !== "object") return o;
  const { street: _street, ...rest } = o as Obj;
  return rest;
};

describe("generate --streets: determinism, and the feeds without streets as they were", () => {
  it("the same seed and streets give byte-identical feeds", () => {
    const again = generateFeeds({ seed: 7, scale: 0.1, streets: STREETS });
    for (const feed of FEEDS) expect(again[feed]).toEqual(district[feed]);
    expect(generateFeeds({ seed: 8, scale: 0.1, streets: STREETS }).hotline).not.toEqual(district.hotline);
  });

  it("without streets no record names one (all belong to the default street)", () => {
    for (const feed of FEEDS) for (const line of plain[feed]) expect(line.includes('"street"')).toBe(false);
    expect(streetsOf(foldTruth(plain.truth), DEFAULT_STREET)).toEqual([DEFAULT_STREET]);
  });

  it.each(FEEDS)("%s: with streets, the same records and lines but for `street` and the malformed streets", (feed) => {
    expect(district.truth[feed].map(withoutStreet)).toEqual(plain.truth[feed]);
    const streetBad = new Set(district.truth.malformed.filter((m) => m.feed === feed && m.kind.includes("street")).map((m) => m.msgId));
    const lines = district[feed].filter((l) => !streetBad.has((parse(l) as Obj | undefined)?.msg_id as string));
    expect(lines).toHaveLength(plain[feed].length);
    lines.forEach((line, i) => {
      const before = parse(plain[feed][i]!);
      // A broken line cut at a random length is cut elsewhere when the record is longer.
      if (before === undefined) expect(parse(line)).toBeUndefined();
      else expect(JSON.stringify(withoutStreet(parse(line)))).toBe(plain[feed][i]);
    });
  });

  it("the streets are checked: none, blank or repeated are refused", () => {
    expect(() => generateFeeds({ seed: 7, scale: 0.01, streets: [] })).toThrow(/at least one street/);
    expect(() => generateFeeds({ seed: 7, scale: 0.01, streets: ["蛇口街道", " "] })).toThrow(/is blank/);
    expect(() => generateFeeds({ seed: 7, scale: 0.01, streets: ["蛇口街道", "蛇口街道"] })).toThrow(/twice/);
  });
});

describe("generate --streets: the cases FEEDS.md 'All feeds' names are present", () => {
  const truth = district.truth;
  const folded = foldTruth(truth);
  const eventsOf = new Map<string, ReportTruth["hotline"]>();
  for (const e of truth.hotline) eventsOf.set(e.order_id, [...(eventsOf.get(e.order_id) ?? []), e]);
  /** Each case's and item's folded street (its latest snapshot's) with all its snapshots' streets. */
  const snapshotSets = (["mediation", "litigation", "supervision"] as const).flatMap((feed) => {
    const streets = new Map<string, (string | null | undefined)[]>();
    for (const r of truth[feed]) {
      const id = "item_id" in r ? r.item_id : r.case_id;
      streets.set(id, [...(streets.get(id) ?? []), r.street]);
    }
    return folded[feed].map((x) => ({ latest: x.street, all: streets.get("itemId" in x ? x.itemId : x.caseId) ?? [] }));
  });
  const orderStreet = new Map(folded.orders.map((o) => [o.orderId, o.street]));

  it.each<[string, () => boolean]>([
    ["transferred orders: the latest street is not the 登记's", () => [...eventsOf.values()].some((es) => {
      const reg = es.find((e) => e.event === "登记" && e.street != null);
      const now = orderStreet.get(es[0]!.order_id);
      return reg !== undefined && now != null && now !== reg.street;
    })],
    ["orders whose events name no street", () => folded.orders.some((o) => o.street === null)],
    ["orders whose events name a street on some events only", () => [...eventsOf.values()].some((es) => es.some((e) => e.street == null) && es.some((e) => e.street != null))],
    ["in every feed, records without a street", () => FEEDS.every((f) => truth[f].some((r) => r.street == null))],
    ["records with street null, and without the key", () => FEEDS.some((f) => truth[f].some((r) => r.street === null)) && FEEDS.some((f) => truth[f].some((r) => !("street" in r)))],
    ["cases and items whose latest snapshot names none though an earlier one did", () => snapshotSets.some((x) => x.latest === null && x.all.some((s) => s != null))],
    ["cases and items that name no street at all", () => snapshotSets.some((x) => x.all.every((s) => s == null))],
    ["cases and items whose latest snapshot names another street than an earlier one", () => snapshotSets.some((x) => x.latest !== null && x.all.some((s) => s != null && s !== x.latest))],
    ["a referred case of another street than its order", () => folded.mediation.some((c) => {
      const order = c.referralOrderId === null ? undefined : orderStreet.get(c.referralOrderId);
      return order !== undefined && belongsTo(order, DEFAULT_STREET) !== belongsTo(c.street, DEFAULT_STREET);
    })],
  ])("%s", (_, check) => {
    expect(check()).toBe(true);
  });

  it.each(["orders", "mediation", "litigation", "supervision"] as const)("%s spread over every street, unevenly", (kind) => {
    const counts = new Map<string, number>();
    for (const x of folded[kind]) counts.set(belongsTo(x.street, DEFAULT_STREET), (counts.get(belongsTo(x.street, DEFAULT_STREET)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...STREETS].sort());
    if (kind === "orders" || kind === "mediation") expect(Math.max(...counts.values())).toBeGreaterThan(1.3 * Math.min(...counts.values()));
  });

  it.each(FEEDS)("%s: blank and non-string streets, rejected (counted, never in the truth)", (feed) => {
    const bad = truth.malformed.filter((m) => m.feed === feed && (STREET_MALFORMED as readonly string[]).includes(m.kind));
    expect(new Set(bad.map((m) => m.kind))).toEqual(new Set(STREET_MALFORMED));
    const valid = new Set(truth[feed].map((r) => r.msg_id));
    for (const m of bad) {
      expect(valid.has(m.msgId ?? "")).toBe(false);
      const line = district[feed].find((l) => l.includes(`"msg_id":"${m.msgId}"`));
      const street = (parse(line ?? "") as Obj).street;
      expect(m.kind === "blank_street" ? typeof street === "string" && street.trim() === "" : typeof street === "number").toBe(true);
    }
    const c = truth.counts[feed];
    expect(c.lines).toBe(c.valid + c.redeliveries + c.rejected);
    expect(c.rejected).toBe(truth.malformed.filter((m) => m.feed === feed).length);
  });
});

describe("generate --streets: the streets' reports add up to the district's", () => {
  const folded = foldTruth(district.truth);
  const PERIODS = ["2023", "2024", "2024-05", "2024-12"];

  it.each(PERIODS)("%s: every count of the streets table sums to the district's figure", (period) => {
    const { report, streets } = reportsFromFolded(folded, period);
    expect(report.streets?.map((s) => s.street)).toEqual([...STREETS].sort((a, b) => (a < b ? -1 : 1)));
    expect([...streets.keys()]).toEqual(report.streets?.map((s) => s.street));
    const sum = (f: (s: NonNullable<typeof report.streets>[number]) => number) => (report.streets ?? []).reduce((n, s) => n + f(s), 0);
    expect(sum((s) => s.hotline_orders)).toBe(report.hotline.orders);
    expect(sum((s) => s.mediation_registered)).toBe(report.mediation.registered);
    expect(sum((s) => s.reconsideration_filed)).toBe(report.litigation.reconsideration.filed);
    expect(sum((s) => s.litigation_filed)).toBe(report.litigation.litigation.filed);
    expect(sum((s) => s.lost)).toBe(report.litigation.lost);
    expect(sum((s) => s.supervision_received)).toBe(report.supervision.received);
    const overdue = [...streets.values()].reduce((n, r) => n + r.hotline.overdue_open, 0);
    expect(overdue).toBe(report.hotline.overdue_open);
    expect(report.hotline.orders).toBeGreaterThan(0);
  });

  it.each(PERIODS)("%s: a street's report is the report of its own records alone (referrals aside)", (period) => {
    for (const street of STREETS) {
      const mine = <T extends { street: string | null }>(xs: T[]) => xs.filter((x) => belongsTo(x.street, DEFAULT_STREET) === street);
      const keep = (ids: Set<string>) => <R>(rs: R[], id: (r: R) => string) => rs.filter((r) => ids.has(id(r)));
      const t = district.truth;
      const alone: ReportTruth = {
        hotline: keep(new Set(mine(folded.orders).map((o) => o.orderId)))(t.hotline, (e) => e.order_id),
        mediation: keep(new Set(mine(folded.mediation).map((c) => c.caseId)))(t.mediation, (s) => s.case_id),
        litigation: keep(new Set(mine(folded.litigation).map((c) => c.caseId)))(t.litigation, (s) => s.case_id),
        supervision: keep(new Set(mine(folded.supervision).map((i) => i.itemId)))(t.supervision, (s) => s.item_id),
        quality: t.quality,
      };
      const scoped = reportFromFolded(folded, period, {}, street);
      const { streets: table, scope: _scope, ...own } = reportFromFolded(foldTruth(alone), period);
      expect(table?.map((s) => s.street)).toEqual([street]);
      // Only referrals differ: its own records hold only its own orders, the deployment holds all.
      const { referred: _r, referred_succeeded: _s, ...mediation } = own.mediation;
      expect(scoped).toMatchObject({ ...own, mediation, scope: { street } });
      expect(scoped.mediation.referred).toBeGreaterThanOrEqual(own.mediation.referred);
    }
  });
});
