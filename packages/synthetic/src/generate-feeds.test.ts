import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectedReport, reportFromFolded } from "./expected-report.ts";
import { LEVELED_KINDS, REPLIED_STATUSES, type HotlineEvent, type LitigationSnapshot, type MediationSnapshot, type SupervisionSnapshot } from "./feed-types.ts";
import { generateFeeds } from "./generate-feeds.ts";
import { MALFORMED_BY_FEED, type FeedName } from "./malformed-kinds.ts";
import { foldTruth } from "./oracle-state.ts";
import { overdueAt } from "./oracle-overdue.ts";
import { parsePeriod, periodsOf } from "./period.ts";
import { tryParseTimestamp } from "./timestamp.ts";

const FEEDS: FeedName[] = ["hotline", "mediation", "litigation", "supervision"];
const small = generateFeeds({ seed: 7, scale: 0.1 });
const parse = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};
const objects = <T>(feed: FeedName) => small[feed].map(parse).filter((o): o is T => typeof o === "object" && o !== null && !Array.isArray(o));

describe("generateFeeds: determinism and bookkeeping", () => {
  it("the same seed gives byte-identical feeds; another seed does not", () => {
    const again = generateFeeds({ seed: 7, scale: 0.1 });
    for (const feed of FEEDS) expect(again[feed]).toEqual(small[feed]);
    const other = generateFeeds({ seed: 8, scale: 0.1 });
    expect(other.hotline).not.toEqual(small.hotline);
    expect(other.supervision).not.toEqual(small.supervision);
  });

  // Digests of seed 7 / scale 0.1, taken when the generator gained what REPORT.md's process figures
  // need (repeat callers, a slow unit, late acceptances, referrals to orders not held). Change them
  // only with a deliberate change to the generators.
  it.each([
    ["hotline", 7326, "4c821753edf92c87"],
    ["mediation", 256, "4d1c841a3152486f"],
    ["litigation", 70, "26379b61cadefc84"],
    ["supervision", 52, "82e5c2d725ba87f5"],
  ] as const)("%s: %i lines, sha256 %s…", (feed, lines, digest) => {
    expect(small[feed].length).toBe(lines);
    expect(createHash("sha256").update(small[feed].join("\n")).digest("hex").slice(0, 16)).toBe(digest);
  });

  it.each(FEEDS)("%s: every malformed kind appears", (feed) => {
    const kinds = new Set(small.truth.malformed.filter((m) => m.feed === feed).map((m) => m.kind));
    expect([...kinds].sort()).toEqual([...MALFORMED_BY_FEED[feed]].sort());
  });

  it.each(FEEDS)("%s: valid lines are exactly the truth; malformed msg_ids never collide with valid ones", (feed) => {
    const truth = new Map<string, unknown>(small.truth[feed].map((r) => [r.msg_id, r]));
    const valid = new Set<string>();
    for (const line of small[feed]) {
      const o = parse(line) as Record<string, unknown> | undefined;
      const id = o && typeof o.msg_id === "string" ? o.msg_id : undefined;
      if (id === undefined || !truth.has(id)) continue;
      valid.add(id);
      // The line is the truth record plus (sometimes) unknown keys that must be ignored.
      expect(o).toMatchObject(truth.get(id) as object);
    }
    expect(valid.size).toBe(truth.size);
    for (const m of small.truth.malformed) expect(m.msgId === null || !truth.has(m.msgId)).toBe(true);
    const c = small.truth.counts[feed];
    expect(c.lines).toBe(c.valid + c.redeliveries + c.rejected);
  });

  it("quality = one ingest of the four files", () => {
    const q = small.truth.quality;
    const lines = FEEDS.reduce((n, f) => n + small[f].length, 0);
    expect(q.received).toBe(lines);
    expect(q.rejected).toBe(small.truth.malformed.length);
    expect(q.accepted).toBe(FEEDS.reduce((n, f) => n + small.truth[f].length, 0));
    expect(small.truth.supervision.length).toBeGreaterThan(0);
    expect(q.received).toBe(q.accepted + q.duplicates + q.rejected);
    expect(q.rejected / q.received).toBeGreaterThan(0.015);
    expect(q.rejected / q.received).toBeLessThan(0.03);
  });
});

describe("generateFeeds: the cases the pipeline must handle are present", () => {
  const folded = foldTruth(small.truth);
  const hl = small.truth.hotline;
  const byOrder = new Map<string, HotlineEvent[]>();
  for (const e of hl) byOrder.set(e.order_id, [...(byOrder.get(e.order_id) ?? []), e]);
  const ms = (t: string) => tryParseTimestamp(t) ?? 0;
  const lastEvent = (es: HotlineEvent[]) => [...es].sort((a, b) => ms(a.event_time) - ms(b.event_time)).at(-1)?.event;
  const shanghaiMonth = (t: string) => new Date(ms(t) + 8 * 3_600_000).getUTCMonth();
  const lines = small.hotline;
  const firstIndex = new Map<string, number>();
  let farRedelivery = false;
  lines.forEach((l, i) => {
    const first = firstIndex.get(l);
    if (first === undefined) firstIndex.set(l, i);
    else if (i - first > 500) farRedelivery = true;
  });
  const med = objects<MediationSnapshot>("mediation");
  const lit = objects<LitigationSnapshot>("litigation");
  const position = new Map(hl.map((e) => [e.msg_id, lines.findIndex((l) => l.includes(e.msg_id))]));

  it.each<[string, () => boolean]>([
    ["UTC instants that fall in the next Shanghai month", () => hl.some((e) => e.event_time.endsWith("Z") && new Date(ms(e.event_time)).getUTCMonth() !== shanghaiMonth(e.event_time))],
    ["local, +08:00 and Z timestamps", () => ["+08:00", "Z"].every((s) => hl.some((e) => e.event_time.endsWith(s))) && hl.some((e) => / \d\d:\d\d:\d\d$/.test(e.event_time))],
    ["redeliveries far apart", () => farRedelivery],
    ["events of an order arriving out of order", () => [...byOrder.values()].some((es) => es.some((a) => es.some((b) => ms(a.event_time) < ms(b.event_time) && (position.get(a.msg_id) ?? 0) > (position.get(b.msg_id) ?? 0))))],
    ["reopened and closed again", () => [...byOrder.values()].some((es) => es.some((e) => e.event === "重启") && ["办结", "回访"].includes(lastEvent(es) ?? ""))],
    ["reopened and never closed again", () => [...byOrder.values()].some((es) => lastEvent(es) === "重启")],
    ["reclassified on 派发 or 签收", () => [...byOrder.values()].some((es) => new Set(es.map((e) => e.category).filter(Boolean)).size > 1)],
    ["orders closed whose 登记 predates the feed", () => folded.orders.some((o) => o.registeredAt === null && o.closedAt !== null)],
    ["repeat orders", () => hl.some((e) => e.repeat_of != null)],
    ["every satisfaction value", () => ["满意", "基本满意", "不满意"].every((s) => hl.some((e) => e.satisfaction === s))],
    ["orders closed after their deadline", () => folded.orders.some((o) => o.closedAt !== null && o.deadline !== null && o.closedAt > o.deadline)],
    ["caller_phone and content", () => hl.some((e) => e.caller_phone && /^1\d{10}$/.test(e.caller_phone)) && hl.some((e) => e.content)],
    ["mediation cases with 3+ snapshots ending 调解成功", () => folded.mediation.some((c) => c.status === "调解成功" && med.filter((s) => s.case_id === c.caseId).length >= 3)],
    ["amounts as numbers and as strings with commas", () => med.some((s) => typeof s.amount_yuan === "number") && med.some((s) => typeof s.amount_yuan === "string" && s.amount_yuan.includes(","))],
    ["both kind synonyms", () => ["行政复议", "行政诉讼", "reconsideration", "litigation"].every((k) => lit.some((s) => s.kind === k))],
    ["head_appeared true and false", () => lit.some((s) => s.head_appeared === true) && lit.some((s) => s.head_appeared === false)],
    ["lost cases", () => folded.litigation.some((c) => c.outcome === "revoked" || c.outcome === "confirmed_illegal" || c.outcome === "ordered_to_perform")],
    ["snapshots progressing filed → hearing → decided", () => ["filed", "hearing", "decided"].every((s) => lit.some((x) => x.status === s))],
    ["unknown extra keys", () => objects<Record<string, unknown>>("hotline").some((o) => "source_system" in o || "region_code" in o || "trace" in o || "备注" in o || "caller_name" in o)],
    ["a record over 256 KiB", () => lines.some((l) => Buffer.byteLength(l) > 262_144)],
    ["no new cause filed in the first year", () => folded.litigation.every((c) => !["信息公开", "涉访回复", "城乡建设"].includes(c.cause) || c.filedAt >= parsePeriod("2024").start)],
  ])("%s", (_, check) => {
    expect(check()).toBe(true);
  });
});

describe("generateFeeds: what the hotline process figures and referrals need", () => {
  const folded = foldTruth(small.truth);
  const hl = small.truth.hotline;
  const DAY = 86_400_000;
  const accepted = folded.orders.flatMap((o) => (o.registeredAt !== null && o.firstAcceptAt !== null ? [o.firstAcceptAt - o.registeredAt] : []));
  const monthEnds = periodsOf([2023, 2024]).filter((p) => p.length === 7).map((p) => parsePeriod(p).end);
  /** orders registered per (Shanghai month or year, caller) */
  const callerCounts = (label: (at: number) => string) => {
    const counts = new Map<string, number>();
    for (const o of folded.orders) {
      if (o.registeredAt === null || o.callerPhone === null) continue;
      const key = `${label(o.registeredAt)} ${o.callerPhone}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.values()];
  };
  const month = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
  const year = (at: number) => month(at).slice(0, 4);
  const held = new Set(folded.orders.map((o) => o.orderId));
  const referrals = folded.mediation.flatMap((c) => (c.referralOrderId === null ? [] : [c.referralOrderId]));
  const registers = new Map(hl.filter((e) => e.event === "登记").map((e) => [e.order_id, e.caller_phone]));

  it.each<[string, () => boolean]>([
    ["退回 and 重启 events", () => hl.some((e) => e.event === "退回") && hl.some((e) => e.event === "重启")],
    ["签收 exactly 24 h after 登记", () => accepted.some((d) => d === DAY)],
    ["签收 just after 24 h and days after", () => accepted.some((d) => d > DAY && d <= DAY + 1000) && accepted.some((d) => d > 2 * DAY)],
    ["callers with 3 or more orders in a month", () => callerCounts(month).some((n) => n >= 3)],
    ["callers with exactly 2 orders in a month and in a year", () => callerCounts(month).includes(2) && callerCounts(year).includes(2)],
    ["a 回访 carrying another number than the 登记", () => hl.some((e) => e.event === "回访" && e.caller_phone != null && e.caller_phone !== registers.get(e.order_id))],
    ["several handling units", () => new Set(folded.orders.map((o) => o.unit)).size >= 8],
    ["orders open past their deadline at the export", () => overdueAt(folded.orders, parsePeriod("2025").start).length > 0],
    ["orders overdue at a month end and closed after it", () => monthEnds.some((end) => overdueAt(folded.orders, end).some((x) => (folded.orders.find((o) => o.orderId === x.orderId)?.closedAt ?? 0) > end))],
    ["referrals to orders the data holds", () => referrals.some((r) => held.has(r))],
    ["referrals to orders it does not hold", () => referrals.some((r) => !held.has(r))],
  ])("%s", (_, check) => {
    expect(check()).toBe(true);
  });
});

describe("generateFeeds: the supervision feed", () => {
  const sup = small.truth.supervision;
  const items = foldTruth(small.truth).supervision;
  const ms = (t: string) => tryParseTimestamp(t) ?? 0;
  const cutoff = parsePeriod("2025").start;
  const byItem = new Map<string, SupervisionSnapshot[]>();
  for (const r of sup) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const position = new Map(sup.map((r) => [r.msg_id, small.supervision.findIndex((l) => l.includes(r.msg_id))]));
  const yearOf = (id: string) => /[〔(](\d{4})[〕)]/.exec(id)?.[1];

  it.each([
    { scale: 0.1, perYear: 8, feeds: small },
    { scale: 1, perYear: 80, feeds: generateFeeds({ seed: 7, scale: 1, years: [2024, 2024] }) },
  ])("scale $scale: $perYear items a year, received across the year", ({ perYear, feeds }) => {
    for (const year of feeds.truth.years[0] === 2023 ? ["2023", "2024"] : ["2024"]) {
      const ofYear = feeds.truth.supervision.filter((r) => yearOf(r.item_id) === year);
      expect(new Set(ofYear.map((r) => r.item_id)).size).toBe(perYear);
      const months = new Set(ofYear.map((r) => new Date(ms(r.received_at) + 8 * 3_600_000).getUTCMonth()));
      expect(months.size).toBeGreaterThanOrEqual(Math.min(6, perYear / 2));
    }
  });

  it.each<[string, () => boolean]>([
    ["every (kind, level) in each year", () => ["2023", "2024"].every((y) => new Set(sup.filter((r) => yearOf(r.item_id) === y).map((r) => `${r.kind}${r.level ?? ""}`)).size === 6)],
    ["a level exactly on 人大建议 and 政协提案", () => sup.every((r) => (LEVELED_KINDS.includes(r.kind) ? r.level === "市" || r.level === "区" : r.level == null))],
    ["replied_at on every replied snapshot", () => sup.every((r) => !REPLIED_STATUSES.includes(r.status) || typeof r.replied_at === "string")],
    ["items ending 已答复 and ending 已办结", () => ["已答复", "已办结"].every((s) => items.some((i) => i.status === s))],
    ["replies on time", () => items.some((i) => i.repliedAt !== null && i.repliedAt <= i.dueAt)],
    ["replies after due_at", () => items.some((i) => i.repliedAt !== null && i.repliedAt > i.dueAt)],
    ["items still open past due at the export", () => items.some((i) => i.repliedAt === null && i.dueAt < cutoff)],
    ["a later snapshot correcting the item", () => [...byItem.values()].some((rs) => new Set(rs.map((r) => `${r.kind}${r.level}${ms(r.received_at)}`)).size > 1)],
    ["snapshots of an item arriving out of order", () => [...byItem.values()].some((rs) => rs.some((a) => rs.some((b) => ms(a.updated_at) < ms(b.updated_at) && (position.get(a.msg_id) ?? 0) > (position.get(b.msg_id) ?? 0))))],
    ["redeliveries", () => small.truth.counts.supervision.redeliveries > 0],
    ["no snapshot after the export", () => sup.every((r) => ms(r.updated_at) < cutoff)],
  ])("%s", (_, check) => {
    expect(check()).toBe(true);
  });
});

describe("generateFeeds: the seed-42 scenario raises the alerts it was built for", () => {
  const truth = generateFeeds({ seed: 42, scale: 0.25 }).truth;
  it("2024: reconsideration and litigation up by at least half, three new causes", () => {
    const r = expectedReport(truth, "2024");
    expect(r.alerts.filter((a) => a.rule === "yoy_increase").map((a) => a.metric)).toEqual([
      "litigation.litigation.filed",
      "litigation.reconsideration.filed",
    ]);
    expect(r.litigation.new_causes).toEqual(["信息公开", "城乡建设", "涉访回复"]);
  });

  it.each(["2023", "2024"])("%s: supervision items replied late or unanswered past due", (period) => {
    const r = expectedReport(truth, period);
    expect(r.supervision.received).toBeGreaterThan(0);
    expect(r.alerts.filter((a) => a.rule === "supervision_late")).toEqual([
      { rule: "supervision_late", metric: "supervision.late", value: r.supervision.late, message: `本期交办的建议提案及司法、检察建议逾期答复${r.supervision.late}件` },
    ]);
    expect(r.supervision.late).toBeGreaterThan(0);
  });

  it("a unit clearly below 80% on time with >= 10 closed raises unit_sla in some months; fewer than 10 closed never does", () => {
    const folded = foldTruth(truth);
    const months = periodsOf([2023, 2024]).filter((p) => p.length === 7).map((p) => reportFromFolded(folded, p));
    const raised = months.flatMap((r) => r.alerts.filter((a) => a.rule === "unit_sla").map((a) => a.metric));
    expect(raised.filter((m) => m === "hotline.by_unit:蛇口街道执法队").length).toBeGreaterThanOrEqual(3);
    expect(months.some((r) => r.hotline.by_unit.some((u) => u.closed < 10 && u.on_time_close_rate !== null && u.on_time_close_rate < 0.8))).toBe(true);
    for (const r of months) {
      const low = r.hotline.by_unit.filter((u) => u.closed >= 10 && (u.on_time_close_rate ?? 1) < 0.8).map((u) => `hotline.by_unit:${u.unit}`);
      expect(r.alerts.filter((a) => a.rule === "unit_sla").map((a) => a.metric)).toEqual(low);
      expect(r.hotline.repeat_callers).toBeGreaterThan(0);
      expect(r.published).toBeNull();
    }
  });

  it("2024-05: a 城乡建设/违法建设 spike", () => {
    const r = expectedReport(truth, "2024-05");
    expect(r.alerts.some((a) => a.metric === "hotline.by_category:城乡建设/违法建设")).toBe(true);
  });
});
