import { describe, expect, it } from "vitest";
import { validateRecord } from "./validate.ts";
import { BASES, DISPATCH, FILED, HOTLINE, HOTLINE_OUT, LITIGATION, LITIGATION_OUT, MEDIATION, MEDIATION_OUT, check, expectAccepted, expectRejected, without } from "./validate-fixtures.ts";

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
