import { describe, expect, it } from "vitest";
import type { Feed } from "./model.ts";
import { validateRecord } from "./validate.ts";

type Obj = Record<string, unknown>;

const utc = (isoZ: string) => Date.parse(isoZ);
const check = (feed: Feed, record: Obj) => validateRecord(feed, JSON.stringify(record));
const without = (record: Obj, key: string): Obj => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** Asserts a rejection whose reason names `key`; returns the reason. */
function expectRejected(result: ReturnType<typeof validateRecord>, key: string | RegExp): string {
  expect(result.ok).toBe(false);
  if (result.ok) return "";
  if (typeof key === "string") expect(result.reason).toContain(key);
  else expect(result.reason).toMatch(key);
  return result.reason;
}

function expectAccepted(result: ReturnType<typeof validateRecord>): Obj {
  if (!result.ok) expect.fail(`expected accepted, got rejected: ${result.reason}`);
  return result.record as unknown as Obj;
}

// ---- valid base records, one per feed -------------------------------------------------------

const HOTLINE: Obj = {
  msg_id: "h-1",
  order_id: "GD2024040100001",
  event: "登记",
  event_time: "2024-04-01 09:15:00",
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: "2024-04-10T18:00:00+08:00",
  channel: "电话",
  caller_phone: "13800138000",
  content: "楼顶违建",
};
const HOTLINE_OUT = {
  msg_id: "h-1",
  order_id: "GD2024040100001",
  event: "登记",
  event_time: utc("2024-04-01T01:15:00Z"),
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: utc("2024-04-10T10:00:00Z"),
  channel: "电话",
  repeat_of: null,
  satisfaction: null,
  unit: null,
  caller_phone: "13800138000",
  content: "楼顶违建",
  street: null,
};
/** A non-登记, non-回访 hotline event: only the always-required keys. */
const DISPATCH: Obj = { msg_id: "h-2", order_id: "GD2024040100001", event: "派发", event_time: "2024-04-01T10:00:00+08:00" };

const MEDIATION: Obj = {
  msg_id: "m-1",
  case_id: "TJ2024-0001",
  updated_at: "2024-04-15T10:00:00+08:00",
  registered_at: "2024-04-02 09:00:00",
  kind: "人民调解",
  dispute_type: "物业纠纷",
  status: "调解成功",
  closed_at: "2024-04-15 10:00:00",
  community: "湾厦社区",
  amount_yuan: "12,500.00",
  parties: 2,
  referral_order_id: "GD2024040100001",
};
const MEDIATION_OUT = {
  msg_id: "m-1",
  case_id: "TJ2024-0001",
  updated_at: utc("2024-04-15T02:00:00Z"),
  registered_at: utc("2024-04-02T01:00:00Z"),
  kind: "人民调解",
  dispute_type: "物业纠纷",
  status: "调解成功",
  closed_at: utc("2024-04-15T02:00:00Z"),
  community: "湾厦社区",
  amount_yuan: "12500.00",
  parties: 2,
  referral_order_id: "GD2024040100001",
  street: null,
};
/** An open mediation case: no closed_at needed. */
const MEDIATION_OPEN: Obj = {
  msg_id: "m-2",
  case_id: "TJ2024-0002",
  updated_at: "2024-04-03T10:00:00Z",
  registered_at: "2024-04-03T09:00:00Z",
  kind: "诉前调解",
  dispute_type: "劳动争议",
  status: "受理",
};

const LITIGATION: Obj = {
  msg_id: "l-1",
  case_id: "(2024)粤0305行初123号",
  kind: "行政诉讼",
  cause: "信息公开",
  filed_at: "2024-03-05 10:00:00",
  updated_at: "2024-04-20T09:00:00+08:00",
  status: "decided",
  hearing_at: "2024-04-10 09:30:00",
  head_appeared: true,
  outcome: "revoked",
  decided_at: "2024-04-20 09:00:00",
};
const LITIGATION_OUT = {
  msg_id: "l-1",
  case_id: "(2024)粤0305行初123号",
  kind: "litigation",
  cause: "信息公开",
  filed_at: utc("2024-03-05T02:00:00Z"),
  updated_at: utc("2024-04-20T01:00:00Z"),
  status: "decided",
  hearing_at: utc("2024-04-10T01:30:00Z"),
  head_appeared: true,
  outcome: "revoked",
  decided_at: utc("2024-04-20T01:00:00Z"),
  street: null,
};
/** A just-filed case: only the always-required keys. */
const FILED: Obj = {
  msg_id: "l-2",
  case_id: "(2024)粤0305行复45号",
  kind: "reconsideration",
  cause: "行政处罚",
  filed_at: "2024-04-01T00:00:00Z",
  updated_at: "2024-04-01T00:00:00Z",
  status: "filed",
};

/** A replied supervision item (FEEDS.md section 4). */
const SUPERVISION: Obj = {
  msg_id: "s-1",
  item_id: "市人大〔2024〕第0123号",
  kind: "人大建议",
  level: "市",
  received_at: "2024-03-01 09:00:00",
  due_at: "2024-05-31 18:00:00",
  updated_at: "2024-04-02 10:00:00",
  status: "已答复",
  replied_at: "2024-04-02 10:00:00",
};

const BASES: Record<Feed, Obj> = { hotline: HOTLINE, mediation: MEDIATION, litigation: LITIGATION, supervision: SUPERVISION };

// ---- accepted records ------------------------------------------------------------------------

describe("validateRecord: full valid records become their canonical form", () => {
  it.each([
    { feed: "hotline" as const, input: HOTLINE, output: HOTLINE_OUT },
    { feed: "mediation" as const, input: MEDIATION, output: MEDIATION_OUT },
    { feed: "litigation" as const, input: LITIGATION, output: LITIGATION_OUT },
  ])("$feed", ({ feed, input, output }) => {
    expect(expectAccepted(check(feed, input))).toStrictEqual(output);
  });

  it.each([
    {
      feed: "hotline" as const,
      input: DISPATCH,
      output: {
        msg_id: "h-2",
        order_id: "GD2024040100001",
        event: "派发",
        event_time: utc("2024-04-01T02:00:00Z"),
        category: null,
        community: null,
        deadline: null,
        channel: null,
        repeat_of: null,
        satisfaction: null,
        unit: null,
        caller_phone: null,
        content: null,
        street: null,
      },
    },
    {
      feed: "mediation" as const,
      input: MEDIATION_OPEN,
      output: {
        msg_id: "m-2",
        case_id: "TJ2024-0002",
        updated_at: utc("2024-04-03T10:00:00Z"),
        registered_at: utc("2024-04-03T09:00:00Z"),
        kind: "诉前调解",
        dispute_type: "劳动争议",
        status: "受理",
        closed_at: null,
        community: null,
        amount_yuan: null,
        parties: null,
        referral_order_id: null,
        street: null,
      },
    },
    {
      feed: "litigation" as const,
      input: FILED,
      output: {
        msg_id: "l-2",
        case_id: "(2024)粤0305行复45号",
        kind: "reconsideration",
        cause: "行政处罚",
        filed_at: utc("2024-04-01T00:00:00Z"),
        updated_at: utc("2024-04-01T00:00:00Z"),
        status: "filed",
        hearing_at: null,
        head_appeared: null,
        outcome: null,
        decided_at: null,
        street: null,
      },
    },
  ])("$feed: only required keys, optional ones come out null", ({ feed, input, output }) => {
    expect(expectAccepted(check(feed, input))).toStrictEqual(output);
  });

  it.each([
    { feed: "hotline" as const, input: HOTLINE },
    { feed: "mediation" as const, input: MEDIATION },
    { feed: "litigation" as const, input: LITIGATION },
  ])("$feed: a Uint8Array of valid UTF-8 is accepted like the string", ({ feed, input }) => {
    const bytes = new TextEncoder().encode(JSON.stringify(input));
    expect(validateRecord(feed, bytes).ok).toBe(true);
  });
});

describe("validateRecord: required keys, missing or null, are rejected naming the key", () => {
  const cases: { feed: Feed; key: string }[] = [
    ...["msg_id", "order_id", "event", "event_time"].map((key) => ({ feed: "hotline" as const, key })),
    ...["msg_id", "case_id", "updated_at", "registered_at", "kind", "dispute_type", "status"].map((key) => ({
      feed: "mediation" as const,
      key,
    })),
    ...["msg_id", "case_id", "kind", "cause", "filed_at", "updated_at", "status"].map((key) => ({
      feed: "litigation" as const,
      key,
    })),
    ...["msg_id", "item_id", "kind", "received_at", "due_at", "updated_at", "status"].map((key) => ({
      feed: "supervision" as const,
      key,
    })),
  ];
  it.each(cases)("$feed: missing $key", ({ feed, key }) => {
    expectRejected(check(feed, without(BASES[feed], key)), key);
  });
  it.each(cases)("$feed: $key = null", ({ feed, key }) => {
    expectRejected(check(feed, { ...BASES[feed], [key]: null }), key);
  });
});

describe("validateRecord: null for an optional key means absent", () => {
  it.each([
    { feed: "hotline" as const, base: HOTLINE, key: "channel" },
    { feed: "hotline" as const, base: HOTLINE, key: "repeat_of" },
    { feed: "hotline" as const, base: HOTLINE, key: "unit" },
    { feed: "hotline" as const, base: HOTLINE, key: "caller_phone" },
    { feed: "hotline" as const, base: HOTLINE, key: "content" },
    { feed: "hotline" as const, base: DISPATCH, key: "category" },
    { feed: "hotline" as const, base: DISPATCH, key: "community" },
    { feed: "hotline" as const, base: DISPATCH, key: "deadline" },
    { feed: "hotline" as const, base: DISPATCH, key: "satisfaction" },
    { feed: "mediation" as const, base: MEDIATION, key: "community" },
    { feed: "mediation" as const, base: MEDIATION, key: "amount_yuan" },
    { feed: "mediation" as const, base: MEDIATION, key: "parties" },
    { feed: "mediation" as const, base: MEDIATION, key: "referral_order_id" },
    { feed: "mediation" as const, base: MEDIATION_OPEN, key: "closed_at" },
    { feed: "litigation" as const, base: FILED, key: "hearing_at" },
    { feed: "litigation" as const, base: FILED, key: "head_appeared" },
    { feed: "litigation" as const, base: FILED, key: "outcome" },
    { feed: "litigation" as const, base: FILED, key: "decided_at" },
  ])("$feed: $key = null → accepted, $key null", ({ feed, base, key }) => {
    const record = expectAccepted(check(feed, { ...base, [key]: null }));
    expect(record[key]).toBeNull();
  });
});

describe("validateRecord: conditional requirements", () => {
  it.each([
    { name: "登记 without category", feed: "hotline" as const, record: without(HOTLINE, "category"), key: "category" },
    { name: "登记 without community", feed: "hotline" as const, record: without(HOTLINE, "community"), key: "community" },
    { name: "登记 without deadline", feed: "hotline" as const, record: without(HOTLINE, "deadline"), key: "deadline" },
    { name: "登记 with category null", feed: "hotline" as const, record: { ...HOTLINE, category: null }, key: "category" },
    { name: "登记 with community null", feed: "hotline" as const, record: { ...HOTLINE, community: null }, key: "community" },
    { name: "登记 with deadline null", feed: "hotline" as const, record: { ...HOTLINE, deadline: null }, key: "deadline" },
    { name: "回访 without satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "回访" }, key: "satisfaction" },
    {
      name: "回访 with satisfaction null",
      feed: "hotline" as const,
      record: { ...DISPATCH, event: "回访", satisfaction: null },
      key: "satisfaction",
    },
    { name: "调解成功 without closed_at", feed: "mediation" as const, record: without(MEDIATION, "closed_at"), key: "closed_at" },
    {
      name: "调解失败 without closed_at",
      feed: "mediation" as const,
      record: { ...without(MEDIATION, "closed_at"), status: "调解失败" },
      key: "closed_at",
    },
    {
      name: "终止 with closed_at null",
      feed: "mediation" as const,
      record: { ...MEDIATION, status: "终止", closed_at: null },
      key: "closed_at",
    },
    {
      name: "hearing_at without head_appeared",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00" },
      key: "head_appeared",
    },
    {
      name: "hearing_at with head_appeared null",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00", head_appeared: null },
      key: "head_appeared",
    },
    {
      name: "status decided without outcome",
      feed: "litigation" as const,
      record: { ...FILED, status: "decided", decided_at: "2024-04-20 09:00:00" },
      key: "outcome",
    },
    {
      name: "outcome without decided_at",
      feed: "litigation" as const,
      record: { ...FILED, status: "closed", outcome: "upheld" },
      key: "decided_at",
    },
    { name: "decided, outcome but no decided_at", feed: "litigation" as const, record: without(LITIGATION, "decided_at"), key: "decided_at" },
  ])("rejects $name", ({ feed, record, key }) => {
    expectRejected(check(feed, record), key);
  });

  it.each([
    { name: "派发 without category/community/deadline", feed: "hotline" as const, record: DISPATCH },
    { name: "办结 without satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "办结" } },
    { name: "回访 with satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "回访", satisfaction: "不满意" } },
    { name: "受理 without closed_at", feed: "mediation" as const, record: MEDIATION_OPEN },
    { name: "调解中 without closed_at", feed: "mediation" as const, record: { ...MEDIATION_OPEN, status: "调解中" } },
    {
      name: "hearing_at with head_appeared false",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00", head_appeared: false },
    },
    { name: "head_appeared without hearing_at", feed: "litigation" as const, record: { ...FILED, head_appeared: true } },
    {
      name: "status closed with outcome and decided_at",
      feed: "litigation" as const,
      record: { ...FILED, status: "closed", outcome: "settled", decided_at: "2024-04-20T01:00:00Z" },
    },
    { name: "decided_at without outcome", feed: "litigation" as const, record: { ...FILED, decided_at: "2024-04-20T01:00:00Z" } },
  ])("accepts $name", ({ feed, record }) => {
    expectAccepted(check(feed, record));
  });
});

describe("validateRecord: enumerations", () => {
  it.each([
    ...["登记", "派发", "签收", "办结", "退回", "重启"].map((v) => ({ feed: "hotline" as const, base: { ...HOTLINE, event: v }, key: "event", value: v })),
    ...["电话", "网站", "微信", "APP"].map((v) => ({ feed: "hotline" as const, base: HOTLINE, key: "channel", value: v })),
    ...["满意", "基本满意", "不满意"].map((v) => ({ feed: "hotline" as const, base: { ...DISPATCH, event: "回访" }, key: "satisfaction", value: v })),
    ...["人民调解", "诉前调解", "行政调解", "司法调解"].map((v) => ({ feed: "mediation" as const, base: MEDIATION, key: "kind", value: v })),
    ...["受理", "调解中", "调解成功", "调解失败", "终止"].map((v) => ({ feed: "mediation" as const, base: MEDIATION, key: "status", value: v })),
    ...["filed", "hearing", "decided", "closed", "withdrawn"].map((v) => ({ feed: "litigation" as const, base: LITIGATION, key: "status", value: v })),
    ...["upheld", "dismissed", "revoked", "confirmed_illegal", "ordered_to_perform", "withdrawn", "settled"].map((v) => ({
      feed: "litigation" as const,
      base: LITIGATION,
      key: "outcome",
      value: v,
    })),
  ])("$feed $key = $value is accepted as is", ({ feed, base, key, value }) => {
    expect(expectAccepted(check(feed, { ...base, [key]: value }))[key]).toBe(value);
  });

  it.each([
    { feed: "hotline" as const, base: HOTLINE, key: "event", value: "受理" },
    { feed: "hotline" as const, base: HOTLINE, key: "event", value: "register" },
    { feed: "hotline" as const, base: HOTLINE, key: "event", value: " 登记" },
    { feed: "hotline" as const, base: HOTLINE, key: "channel", value: "电邮" },
    { feed: "hotline" as const, base: HOTLINE, key: "channel", value: "app" },
    { feed: "hotline" as const, base: { ...DISPATCH, event: "回访" }, key: "satisfaction", value: "非常满意" },
    { feed: "hotline" as const, base: { ...DISPATCH, event: "回访" }, key: "satisfaction", value: 5 },
    { feed: "mediation" as const, base: MEDIATION, key: "kind", value: "仲裁" },
    { feed: "mediation" as const, base: MEDIATION, key: "status", value: "已结案" },
    { feed: "litigation" as const, base: LITIGATION, key: "kind", value: "复议" },
    { feed: "litigation" as const, base: LITIGATION, key: "kind", value: "Litigation" },
    { feed: "litigation" as const, base: LITIGATION, key: "status", value: "open" },
    { feed: "litigation" as const, base: LITIGATION, key: "outcome", value: "lost" },
  ])("$feed $key = $value is rejected", ({ feed, base, key, value }) => {
    expectRejected(check(feed, { ...base, [key]: value }), key);
  });

  it.each([
    { kind: "reconsideration", canonical: "reconsideration" },
    { kind: "行政复议", canonical: "reconsideration" },
    { kind: "litigation", canonical: "litigation" },
    { kind: "行政诉讼", canonical: "litigation" },
  ])("litigation kind $kind → $canonical", ({ kind, canonical }) => {
    expect(expectAccepted(check("litigation", { ...FILED, kind })).kind).toBe(canonical);
  });
});

describe("validateRecord: amount_yuan", () => {
  it.each([
    { value: 12500 as unknown, stored: "12500" },
    { value: 12500.5, stored: "12500.5" },
    { value: 0, stored: "0" },
    { value: "12,500.00", stored: "12500.00" },
    { value: "12500", stored: "12500" },
    { value: "1,234,567.5", stored: "1234567.5" },
    { value: "0.5", stored: "0.5" },
    { value: "999", stored: "999" },
    { value: "1,000", stored: "1000" },
  ])("$value → $stored", ({ value, stored }) => {
    expect(expectAccepted(check("mediation", { ...MEDIATION, amount_yuan: value })).amount_yuan).toBe(stored);
  });

  it.each([
    { value: "-5" as unknown },
    { value: "12,50" },
    { value: "1,2345" },
    { value: ",500" },
    { value: "12 500" },
    { value: "abc" },
    { value: "" },
    { value: "12500元" },
    { value: "1.2.3" },
    { value: -5 },
    { value: -0.01 },
    { value: true },
    { value: [12500] },
  ])("$value is rejected", ({ value }) => {
    expectRejected(check("mediation", { ...MEDIATION, amount_yuan: value }), "amount_yuan");
  });
});

describe("validateRecord: parties and head_appeared types", () => {
  it.each([{ value: 0 }, { value: 2 }, { value: 15 }, { value: 4_294_967_295 }])("parties $value accepted", ({ value }) => {
    expect(expectAccepted(check("mediation", { ...MEDIATION, parties: value })).parties).toBe(value);
  });
  it.each([{ value: "3" as unknown }, { value: 2.5 }, { value: -1 }, { value: true }, { value: 4_294_967_296 }, { value: 1e20 }])("parties $value rejected", ({ value }) => {
    expectRejected(check("mediation", { ...MEDIATION, parties: value }), "parties");
  });
  it.each([{ value: "true" as unknown }, { value: 1 }, { value: "是" }])("head_appeared $value rejected", ({ value }) => {
    expectRejected(check("litigation", { ...LITIGATION, head_appeared: value }), "head_appeared");
  });
});

describe("validateRecord: strings", () => {
  it.each([
    { feed: "hotline" as const, key: "msg_id", value: "" },
    { feed: "hotline" as const, key: "msg_id", value: "   " },
    { feed: "hotline" as const, key: "order_id", value: "" },
    { feed: "hotline" as const, key: "order_id", value: " \t " },
    { feed: "mediation" as const, key: "case_id", value: "" },
    { feed: "mediation" as const, key: "case_id", value: "\t" },
    { feed: "mediation" as const, key: "dispute_type", value: "  " },
    { feed: "litigation" as const, key: "case_id", value: " " },
    { feed: "litigation" as const, key: "cause", value: "" },
    { feed: "hotline" as const, key: "community", value: " " },
  ])("$feed $key = $value (blank) is rejected", ({ feed, key, value }) => {
    expectRejected(check(feed, { ...BASES[feed], [key]: value }), key);
  });

  it.each([
    { feed: "hotline" as const, key: "msg_id", value: 17 },
    { feed: "hotline" as const, key: "order_id", value: { id: 1 } },
    { feed: "mediation" as const, key: "case_id", value: ["TJ"] },
    { feed: "litigation" as const, key: "cause", value: false },
  ])("$feed $key of the wrong type is rejected", ({ feed, key, value }) => {
    expectRejected(check(feed, { ...BASES[feed], [key]: value }), key);
  });

  it("values are stored as sent, not trimmed", () => {
    const record = expectAccepted(check("hotline", { ...HOTLINE, msg_id: " h-1 ", community: "湾厦社区 " }));
    expect(record.msg_id).toBe(" h-1 ");
    expect(record.community).toBe("湾厦社区 ");
  });

  // JSON.stringify writes a lone surrogate as a \udXXX escape, which JSON.parse turns back into one.
  it.each([
    { feed: "hotline" as const, key: "msg_id" },
    { feed: "hotline" as const, key: "order_id" },
    { feed: "hotline" as const, key: "community" },
    { feed: "hotline" as const, key: "category", value: "城乡建设/违法\ud800建设" },
    { feed: "mediation" as const, key: "case_id" },
    { feed: "mediation" as const, key: "dispute_type" },
    { feed: "litigation" as const, key: "cause", value: "信息\udc00公开" },
  ])("$feed $key with a lone surrogate is rejected", ({ feed, key, value }) => {
    const record = { ...BASES[feed], [key]: value ?? "A\ud83d" };
    expect(JSON.stringify(record)).toMatch(/\\ud[89a-f][0-9a-f]{2}/);
    expectRejected(check(feed, record), key);
  });

  it("a paired surrogate (emoji) is accepted", () => {
    expect(expectAccepted(check("hotline", { ...HOTLINE, community: "湾厦社区😀" })).community).toBe("湾厦社区😀");
  });
});

describe("validateRecord: category is a path of at least two non-empty levels", () => {
  it.each([{ value: "城乡建设/违法建设" }, { value: "城乡建设/违法建设/楼顶加建" }, { value: "a/b" }])("$value accepted", ({ value }) => {
    expect(expectAccepted(check("hotline", { ...HOTLINE, category: value })).category).toBe(value);
  });
  it.each([
    { value: "城乡建设" },
    { value: "城乡建设/" },
    { value: "/违法建设" },
    { value: "城乡建设/ " },
    { value: "城乡建设//违法建设" },
    { value: "/" },
    { value: "" },
  ])("$value rejected", ({ value }) => {
    expectRejected(check("hotline", { ...HOTLINE, category: value }), "category");
  });
});

describe("validateRecord: timestamps inside records", () => {
  it.each([
    { feed: "hotline" as const, key: "event_time", value: "2024-02-30 10:00:00" },
    { feed: "hotline" as const, key: "deadline", value: "2024-04-10T18:00:00" },
    { feed: "hotline" as const, key: "event_time", value: 1711934100000 },
    { feed: "mediation" as const, key: "registered_at", value: "2024-04-02T24:00:00Z" },
    { feed: "mediation" as const, key: "closed_at", value: "2024-13-15 10:00:00" },
    { feed: "litigation" as const, key: "hearing_at", value: "2024-04-10" },
    { feed: "litigation" as const, key: "decided_at", value: "10000-04-20T09:00:00Z" },
  ])("$feed $key = $value rejected", ({ feed, key, value }) => {
    expectRejected(check(feed, { ...BASES[feed], [key]: value }), key);
  });
});

describe("validateRecord: keys not in the contract are ignored and not kept", () => {
  it.each([
    { feed: "hotline" as const, record: { ...HOTLINE, caller_name: "张三", id_card: "440301199001011234" }, output: HOTLINE_OUT },
    { feed: "mediation" as const, record: { ...MEDIATION, applicant: "李四", extra: { a: 1 } }, output: MEDIATION_OUT },
    { feed: "litigation" as const, record: { ...LITIGATION, plaintiff: "王五", note: null }, output: LITIGATION_OUT },
  ])("$feed", ({ feed, record, output }) => {
    const out = expectAccepted(check(feed, record));
    expect(out).toStrictEqual(output);
    for (const extra of ["caller_name", "id_card", "applicant", "extra", "plaintiff", "note"]) expect(extra in out).toBe(false);
  });
});

describe("validateRecord: what is not one JSON object is rejected", () => {
  it.each([
    { name: "empty", raw: "", reason: /JSON/ },
    { name: "blank", raw: "   ", reason: /JSON/ },
    { name: "truncated object", raw: '{"msg_id":"h-1",', reason: /JSON/ },
    { name: "single quotes", raw: "{'msg_id':'h-1'}", reason: /JSON/ },
    { name: "NaN", raw: "NaN", reason: /JSON/ },
    { name: "array", raw: JSON.stringify([HOTLINE]), reason: /object/ },
    { name: "empty array", raw: "[]", reason: /object/ },
    { name: "number", raw: "42", reason: /object/ },
    { name: "null", raw: "null", reason: /object/ },
    { name: "string", raw: '"登记"', reason: /object/ },
    { name: "boolean", raw: "true", reason: /object/ },
  ])("$name", ({ raw, reason }) => {
    const result = validateRecord("hotline", raw);
    expectRejected(result, reason);
    if (!result.ok) expect(result.msgId).toBeNull();
  });

  it("a non-JSON record's reason does not quote the phone number in it", () => {
    const raw = '{"msg_id":"h-9","caller_phone":"13800138000","content":"我的电话13800138000" ';
    const reason = expectRejected(validateRecord("hotline", raw), /JSON/);
    expect(reason).not.toContain("13800138000");
    expect(reason).not.toContain("138");
  });

  it("a caller_phone of the wrong type is rejected without quoting the number", () => {
    const reason = expectRejected(check("hotline", { ...HOTLINE, caller_phone: 13800138000 }), "caller_phone");
    expect(reason).not.toContain("13800138000");
  });

  it("a rejected record's msg_id with an unpaired surrogate is kept well-formed (ClickHouse refuses half characters)", () => {
    const result = check("hotline", { ...without(HOTLINE, "event"), msg_id: "h-\ud800" });
    expect(result).toMatchObject({ ok: false, msgId: "h-\ufffd" });
  });

  it("a rejected JSON object keeps its msg_id for the dead-letter store", () => {
    const result = check("hotline", without(HOTLINE, "event"));
    expect(result).toMatchObject({ ok: false, msgId: "h-1" });
  });
});

describe("validateRecord: a leading byte order mark is ignored, as text and as bytes", () => {
  it.each([
    { name: "string", raw: `\ufeff${JSON.stringify(HOTLINE)}` as string | Uint8Array },
    { name: "bytes", raw: new Uint8Array(Buffer.from(`\ufeff${JSON.stringify(HOTLINE)}`)) },
  ])("$name", ({ raw }) => {
    expect(validateRecord("hotline", raw).ok).toBe(true);
  });
});

describe("validateRecord: 256 KiB limit counted in UTF-8 bytes", () => {
  const LIMIT = 262144;
  /** A valid hotline record of exactly `bytes` UTF-8 bytes, padded with `filler` (1 or 3 bytes). */
  const recordOf = (bytes: number, filler: "x" | "中") => {
    const empty = JSON.stringify({ ...HOTLINE, pad: "" });
    const room = bytes - Buffer.byteLength(empty);
    const wide = filler === "中" ? Math.floor(room / 3) : 0;
    const text = JSON.stringify({ ...HOTLINE, pad: "中".repeat(wide) + "x".repeat(room - wide * 3) });
    expect(Buffer.byteLength(text)).toBe(bytes);
    return text;
  };

  it.each([
    { bytes: LIMIT, filler: "x" as const, ok: true },
    { bytes: LIMIT, filler: "中" as const, ok: true },
    { bytes: LIMIT - 1, filler: "x" as const, ok: true },
    { bytes: LIMIT + 1, filler: "x" as const, ok: false },
    { bytes: LIMIT + 1, filler: "中" as const, ok: false },
    { bytes: LIMIT + 1000, filler: "x" as const, ok: false },
  ])("$bytes bytes padded with $filler, as string and as bytes → ok=$ok", ({ bytes, filler, ok }) => {
    const text = recordOf(bytes, filler);
    for (const raw of [text, new TextEncoder().encode(text)]) {
      const result = validateRecord("hotline", raw);
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(result.reason).toMatch(/262144|256 KiB/);
    }
  });

  it("an oversized record is rejected even when it is not JSON", () => {
    expectRejected(validateRecord("hotline", "x".repeat(LIMIT + 1)), /262144|256 KiB/);
  });
});

describe("validateRecord: bytes that are not UTF-8 are rejected", () => {
  const json = new TextEncoder().encode(JSON.stringify({ ...HOTLINE, content: "AB" }));
  const at = Buffer.from(json).indexOf("AB");
  const spliced = (bad: number[]) => new Uint8Array([...json.subarray(0, at), ...bad, ...json.subarray(at + 2)]);
  it.each([
    { name: "0xFF", bad: [0xff, 0x42] },
    { name: "lone continuation byte", bad: [0x80, 0x42] },
    { name: "truncated 3-byte sequence", bad: [0xe4, 0xb8] },
    { name: "overlong '/'", bad: [0xc0, 0xaf] },
    { name: "UTF-8-encoded surrogate", bad: [0xed, 0xa0] },
    { name: "GBK-encoded 中", bad: [0xd6, 0xd0] },
  ])("$name inside a string value", ({ bad }) => {
    expectRejected(validateRecord("hotline", spliced(bad)), /UTF-8/);
  });
});
