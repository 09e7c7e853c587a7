// FEEDS.md "All feeds": which street an order, case or item belongs to, worked by hand. The
// street of a record set is checked twice: as folded, and by which street's report counts it.
import { describe, expect, it } from "vitest";
import { reportFromFolded } from "./expected-report.ts";
import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, ReportTruth, SupervisionSnapshot } from "./feed-types.ts";
import { foldTruth } from "./oracle-state.ts";
import { streetsOf } from "./oracle-streets.ts";
import { hotline, litigation, mediation, register, supervision, truth } from "./truth-builder.ts";

const A = "招商街道";
const B = "粤海街道";
const D = "蛇口街道"; // REPORT.md's default CASEPULSE_DEFAULT_STREET

/** The one street the data belongs to, and that each street's April report counts the record set in it only. */
function streetOf(t: ReportTruth, count: (r: ReturnType<typeof reportFromFolded>) => number, defaultStreet?: string): string {
  const folded = foldTruth(t);
  const config = defaultStreet === undefined ? {} : { defaultStreet };
  const streets = streetsOf(folded, defaultStreet ?? D);
  expect(streets).toHaveLength(1);
  const street = streets[0]!;
  expect(count(reportFromFolded(folded, "2024-04", config, street))).toBe(1);
  for (const other of [A, B, D, "南头街道"].filter((s) => s !== street)) expect(count(reportFromFolded(folded, "2024-04", config, other))).toBe(0);
  return street;
}

describe("an order's street: that of its latest event (by event_time, ties by the greater msg_id) carrying one", () => {
  const T1 = "2024-04-02 09:00:00";
  const T2 = "2024-04-02 11:00:00";
  const T3 = "2024-04-05 10:00:00";
  it.each<{ name: string; events: () => HotlineEvent[]; street: string; defaultStreet?: string }>([
    { name: "registered with a street", events: () => [register("O", T1, { street: A })], street: A },
    {
      name: "later events carry none: the 登记's street stays",
      events: () => [register("O", T1, { street: A }), hotline("O", "派发", T2), hotline("O", "办结", T3)],
      street: A,
    },
    {
      name: "transferred: a later event names another street",
      events: () => [register("O", T1, { street: A }), hotline("O", "派发", T2, { street: B }), hotline("O", "签收", T3)],
      street: B,
    },
    {
      name: "transferred and back",
      events: () => [register("O", T1, { street: A }), hotline("O", "派发", T2, { street: B }), hotline("O", "派发", T3, { street: A })],
      street: A,
    },
    {
      name: "the transfer arrives before the 登记 (arrival order does not matter)",
      events: () => [hotline("O", "派发", T2, { street: B }), register("O", T1, { street: A })],
      street: B,
    },
    {
      name: "a later event with street null (null is absent)",
      events: () => [register("O", T1, { street: A }), hotline("O", "派发", T2, { street: null })],
      street: A,
    },
    {
      name: "same event_time: the greater msg_id is the later event (m-2 names B)",
      events: () => [register("O", T1, { street: A, msg_id: "m-1" }), hotline("O", "派发", "2024-04-02T01:00:00Z", { street: B, msg_id: "m-2" })],
      street: B,
    },
    {
      name: "same event_time: the greater msg_id is the later event (m-2 names A)",
      events: () => [register("O", T1, { street: A, msg_id: "m-2" }), hotline("O", "派发", "2024-04-02T01:00:00Z", { street: B, msg_id: "m-1" })],
      street: A,
    },
    {
      name: "no event carries a street: the default street",
      events: () => [register("O", T1), hotline("O", "派发", T2, { street: null }), hotline("O", "办结", T3)],
      street: D,
    },
    {
      name: "no event carries a street, CASEPULSE_DEFAULT_STREET=南头街道",
      events: () => [register("O", T1), hotline("O", "办结", T3)],
      street: "南头街道",
      defaultStreet: "南头街道",
    },
    {
      name: "a configured default does not move an order that names its street",
      events: () => [register("O", T1, { street: B })],
      street: B,
      defaultStreet: "南头街道",
    },
  ])("$name → $street", ({ events, street, defaultStreet }) => {
    expect(streetOf(truth({ hotline: events() }), (r) => r.hotline.orders, defaultStreet)).toBe(street);
  });

  it("an order without 登记 belongs to a street too (it is stored), though no report counts it as registered", () => {
    const folded = foldTruth(truth({ hotline: [hotline("O", "派发", "2024-04-02 10:00:00", { street: B })] }));
    expect(streetsOf(folded, D)).toEqual([B]);
  });
});

type Snapshot = MediationSnapshot | LitigationSnapshot | SupervisionSnapshot;
/** Each snapshot feed: a snapshot of the case or item in April 2024, and the April figure that counts it. */
const FEEDS = [
  { feed: "mediation", make: (id: string, at: string, f: Partial<Snapshot>) => mediation(id, at, { registered_at: "2024-04-01 09:00:00", ...f } as Partial<MediationSnapshot>), count: (r: ReturnType<typeof reportFromFolded>) => r.mediation.registered },
  { feed: "litigation", make: (id: string, at: string, f: Partial<Snapshot>) => litigation(id, at, { filed_at: "2024-04-01 09:00:00", ...f } as Partial<LitigationSnapshot>), count: (r: ReturnType<typeof reportFromFolded>) => r.litigation.litigation.filed },
  { feed: "supervision", make: (id: string, at: string, f: Partial<Snapshot>) => supervision(id, at, { received_at: "2024-04-01 09:00:00", ...f } as Partial<SupervisionSnapshot>), count: (r: ReturnType<typeof reportFromFolded>) => r.supervision.received },
] as const;

describe("a case's or item's street: that of its latest snapshot (by updated_at, ties by the greater msg_id)", () => {
  const S1 = "2024-04-02 10:00:00";
  const S2 = "2024-04-09 10:00:00";
  type Make = (typeof FEEDS)[number]["make"];
  const cases: { name: string; snapshots: (make: Make) => Snapshot[]; street: string }[] = [
    { name: "one snapshot with a street", snapshots: (s) => [s("C", S1, { street: A })], street: A },
    { name: "the latest snapshot names another street", snapshots: (s) => [s("C", S1, { street: A }), s("C", S2, { street: B })], street: B },
    { name: "the same, arriving backwards", snapshots: (s) => [s("C", S2, { street: B }), s("C", S1, { street: A })], street: B },
    { name: "the latest carries none although an earlier one did: the default", snapshots: (s) => [s("C", S1, { street: A }), s("C", S2, {})], street: D },
    { name: "the latest has street null: the default", snapshots: (s) => [s("C", S1, { street: A }), s("C", S2, { street: null })], street: D },
    { name: "an earlier one carries none, the latest names B", snapshots: (s) => [s("C", S1, {}), s("C", S2, { street: B })], street: B },
    { name: "no snapshot names a street: the default", snapshots: (s) => [s("C", S1, {}), s("C", S2, {})], street: D },
    {
      name: "same updated_at: the greater msg_id is the latest (m-2 names none)",
      snapshots: (s) => [s("C", S1, { street: A, msg_id: "m-1" }), s("C", "2024-04-02T02:00:00Z", { msg_id: "m-2" })],
      street: D,
    },
    {
      name: "same updated_at: the greater msg_id is the latest (m-2 names A)",
      snapshots: (s) => [s("C", S1, { street: A, msg_id: "m-2" }), s("C", "2024-04-02T02:00:00Z", { msg_id: "m-1" })],
      street: A,
    },
  ];
  describe.each(FEEDS)("$feed", ({ feed, make, count }) => {
    it.each(cases)("$name → $street", ({ snapshots, street }) => {
      expect(streetOf(truth({ [feed]: snapshots(make) }), count)).toBe(street);
    });
  });
});

describe("a malformed street is the contract's to reject: the truth never holds one", () => {
  const records = {
    hotline: (street: unknown) => [register("O", "2024-04-02 09:00:00", { street: A }), hotline("O", "派发", "2024-04-03 09:00:00", { street } as Partial<HotlineEvent>)],
    mediation: (street: unknown) => [mediation("C", "2024-04-02 09:00:00", { street } as Partial<MediationSnapshot>), mediation("C", "2024-04-09 09:00:00", { street: A })],
    litigation: (street: unknown) => [litigation("C", "2024-04-02 09:00:00", { street } as Partial<LitigationSnapshot>)],
    supervision: (street: unknown) => [supervision("S", "2024-04-02 09:00:00", { street } as Partial<SupervisionSnapshot>)],
  };
  it.each(Object.keys(records).flatMap((feed) => ["", "  ", 440305, true].map((street) => ({ feed: feed as keyof typeof records, street }))))(
    "$feed: street $street in the truth (an earlier snapshot's too) is refused",
    ({ feed, street }) => {
      expect(() => foldTruth(truth({ [feed]: records[feed](street) }))).toThrow(/street .* in the truth: the contract rejects it/);
    },
  );
});
