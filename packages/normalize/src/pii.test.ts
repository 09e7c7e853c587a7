import { describe, expect, it } from "vitest";
import { canonicalPhone, createPiiProtector, redactedPreview, UnsealError } from "./pii.ts";

const KEY_A = "test-key-a-0123456789";
const KEY_B = "test-key-b-0123456789";
const a = createPiiProtector(KEY_A);
const b = createPiiProtector(KEY_B);

describe("createPiiProtector: key length", () => {
  it.each([{ key: "" }, { key: "short" }, { key: "fifteen-chars!!" }])("a $key.length-character key throws", ({ key }) => {
    expect(key.length).toBeLessThan(16);
    expect(() => createPiiProtector(key)).toThrow(/16/);
  });
  it.each([{ key: "sixteen-chars!!!" }, { key: KEY_A }])("a $key.length-character key is accepted", ({ key }) => {
    expect(key.length).toBeGreaterThanOrEqual(16);
    expect(() => createPiiProtector(key)).not.toThrow();
  });
});

describe("canonicalPhone", () => {
  it.each([
    { input: "13800138000", canonical: "13800138000" },
    { input: "+86 138-0013-8000", canonical: "13800138000" },
    { input: "86 13800138000", canonical: "13800138000" },
    { input: "138 0013 8000", canonical: "13800138000" },
    { input: "0755-83351234", canonical: "075583351234" },
  ])("$input → $canonical", ({ input, canonical }) => {
    expect(canonicalPhone(input)).toBe(canonical);
  });
});

describe("hashPhone", () => {
  it.each([{ phone: "13800138000" }, { phone: "0755-83351234" }, { phone: "12345" }])("$phone: deterministic per key", ({ phone }) => {
    expect(a.hashPhone(phone)).toBe(a.hashPhone(phone));
    expect(createPiiProtector(KEY_A).hashPhone(phone)).toBe(a.hashPhone(phone));
  });

  it.each([{ phone: "13800138000" }, { phone: "0755-83351234" }])("$phone: differs across keys", ({ phone }) => {
    expect(a.hashPhone(phone)).not.toBe(b.hashPhone(phone));
  });

  it.each([
    { one: "+86 138-0013-8000", other: "13800138000" },
    { one: "+8613800138000", other: "138 0013 8000" },
    { one: "(0755) 8335-1234", other: "075583351234" },
  ])("$one and $other hash alike", ({ one, other }) => {
    expect(a.hashPhone(one)).toBe(a.hashPhone(other));
  });

  it.each([
    { one: "13800138000", other: "13800138001" },
    { one: "13800138000", other: "075583351234" },
  ])("$one and $other hash differently", ({ one, other }) => {
    expect(a.hashPhone(one)).not.toBe(a.hashPhone(other));
  });

  it.each([{ phone: "13800138000" }, { phone: "+86 138-0013-8000" }, { phone: "075583351234" }])(
    "$phone: the hash is 64 hex chars and does not contain the number",
    ({ phone }) => {
      const hash = a.hashPhone(phone);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toContain(canonicalPhone(phone));
      expect(hash).not.toContain(canonicalPhone(phone).slice(-8));
    },
  );
});

describe("rowMsgId", () => {
  const a = createPiiProtector("row-id-test-key-0123456789");
  const b = createPiiProtector("row-id-test-key-9876543210");
  const row = '{"case_id":"TJ1","caller_phone":"13800138000"}';
  it.each([
    { name: "row- and 32 hex digits", check: () => expect(a.rowMsgId(row)).toMatch(/^row-[0-9a-f]{32}$/) },
    { name: "the same row gives the same id", check: () => expect(a.rowMsgId(row)).toBe(a.rowMsgId(row)) },
    { name: "a changed row gives another id", check: () => expect(a.rowMsgId(row.replace("TJ1", "TJ2"))).not.toBe(a.rowMsgId(row)) },
    { name: "another key gives another id", check: () => expect(b.rowMsgId(row)).not.toBe(a.rowMsgId(row)) },
    { name: "the id is not the phone HMAC's", check: () => expect(a.rowMsgId(row).slice(4)).not.toBe(a.hashPhone(row).slice(0, 32)) },
  ])("$name", ({ check }) => check());
});

describe("seal / open", () => {
  it.each([
    { raw: "" },
    { raw: '{"caller_phone":"13800138000","content":"楼顶违建"}' },
    { raw: "not json at all 13800138000" },
    { raw: "中文😀".repeat(1000) },
  ])("round trip of $raw.length chars; sealed text is not readable", ({ raw }) => {
    const sealed = a.seal(raw);
    expect(a.open(sealed).toString("utf8")).toBe(raw);
    expect(sealed).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    if (raw.length > 0) expect(sealed).not.toContain(raw);
    expect(sealed).not.toContain("13800138000");
    expect(Buffer.from(sealed, "base64").toString("utf8")).not.toContain("13800138000");
  });

  it("sealing twice gives different ciphertexts (fresh IV) that both open", () => {
    const raw = '{"caller_phone":"13800138000"}';
    const one = a.seal(raw);
    const two = a.seal(raw);
    expect(one).not.toBe(two);
    expect(a.open(one).toString("utf8")).toBe(raw);
    expect(a.open(two).toString("utf8")).toBe(raw);
  });

  it.each([{ raw: "x" }, { raw: '{"caller_phone":"13800138000"}' }])("opening $raw with another key throws", ({ raw }) => {
    const sealed = a.seal(raw);
    expect(() => b.open(sealed)).toThrow();
  });

  it("opening a tampered text throws", () => {
    const buf = Buffer.from(a.seal("hello world"), "base64");
    buf[buf.length - 1] = buf[buf.length - 1]! ^ 1;
    expect(() => a.open(buf.toString("base64"))).toThrow();
  });
});

describe("open after a key rotation (CASEPULSE_PII_OLD_KEYS)", () => {
  const KEY_C = "test-key-c-0123456789";
  const rotated = createPiiProtector(KEY_B, [KEY_A]);
  const raw = '{"caller_phone":"13800138000"}';

  it.each([
    { name: "a letter sealed under the current key opens with it (key 0)", sealed: () => b.seal(raw), key: 0 },
    { name: "a letter sealed under an old key opens with that key (key 1)", sealed: () => a.seal(raw), key: 1 },
  ])("$name", ({ sealed, key }) => {
    expect(rotated.unseal(sealed())).toEqual({ bytes: Buffer.from(raw), key });
    expect(rotated.open(sealed()).toString("utf8")).toBe(raw);
  });

  it("the second of two old keys is tried too", () => {
    expect(createPiiProtector(KEY_B, [KEY_C, KEY_A]).unseal(a.seal(raw)).key).toBe(2);
  });

  it("hashing and sealing use the current key only", () => {
    expect(rotated.hashPhone("13800138000")).toBe(b.hashPhone("13800138000"));
    expect(() => a.open(rotated.seal(raw))).toThrow();
    expect(b.open(rotated.seal(raw)).toString("utf8")).toBe(raw);
  });

  it.each([
    { name: "a key neither current nor old", sealed: () => createPiiProtector(KEY_C).seal(raw), kind: "unknown-key" },
    { name: "a damaged seal", sealed: () => a.seal(raw).replace(/^./, (c) => (c === "A" ? "B" : "A")), kind: "unknown-key" },
    { name: "no sealed copy (deleted by retention)", sealed: () => "", kind: "empty" },
    { name: "too short to be a seal", sealed: () => Buffer.alloc(20).toString("base64"), kind: "malformed" },
    { name: "not base64", sealed: () => "{not sealed at all}", kind: "malformed" },
  ])("$name: UnsealError $kind", ({ sealed, kind }) => {
    let error: unknown;
    try {
      rotated.open(sealed());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnsealError);
    expect((error as UnsealError).kind).toBe(kind);
  });

  it("an old key shorter than 16 characters throws, naming CASEPULSE_PII_OLD_KEYS", () => {
    expect(() => createPiiProtector(KEY_B, ["short"])).toThrow(/CASEPULSE_PII_OLD_KEYS/);
  });
});

const KNOWN = {
  known: new Set(["msg_id", "caller_phone", "content", "event", "parties", "head_appeared", "unit", "a", "b"]),
  personal: new Set(["caller_phone", "content"]),
};

describe("redactedPreview", () => {
  it.each([
    {
      name: "phone and content masked, other keys kept",
      raw: '{"msg_id":"h-1","caller_phone":"13800138000","content":"我住湾厦社区3栋","event":"登记"}',
      preview: '{"msg_id":"h-1","caller_phone":"***","content":"***","event":"登记"}',
    },
    {
      name: "null personal values stay null",
      raw: '{"msg_id":"h-1","caller_phone":null,"content":null}',
      preview: '{"msg_id":"h-1","caller_phone":null,"content":null}',
    },
    {
      name: "a phone given as a number is masked",
      raw: '{"caller_phone":13800138000}',
      preview: '{"caller_phone":"***"}',
    },
    {
      name: "keys outside the contract are named but masked",
      raw: '{"msg_id":"h-1","extra":{"caller_phone":"13800138000"},"id_card":"440301199001011234"}',
      preview: '{"msg_id":"h-1","extra":"***","id_card":"***"}',
    },
    {
      name: "nested values of contract keys are not shown",
      raw: '{"msg_id":{"x":1},"unit":["13800138000"]}',
      preview: '{"msg_id":"{…}","unit":"[…]"}',
    },
    {
      name: "numbers and booleans kept",
      raw: '{"parties":2,"head_appeared":true}',
      preview: '{"parties":2,"head_appeared":true}',
    },
  ])("$name", ({ raw, preview }) => {
    expect(redactedPreview(raw, KNOWN)).toBe(preview);
  });

  it.each([
    { name: "not JSON, with a phone", raw: '{"caller_phone":"13800138000",' },
    { name: "an array", raw: '[{"caller_phone":"13800138000"}]' },
    { name: "a string", raw: '"13800138000"' },
    { name: "a number", raw: "13800138000" },
    { name: "null", raw: "null" },
    { name: "empty", raw: "" },
  ])("$name → null", ({ raw }) => {
    expect(redactedPreview(raw, KNOWN)).toBeNull();
  });

  it("a cut through a surrogate pair leaves no half character", () => {
    // {"unit":" is 9 characters: the emoji's two halves sit at 19 and 20, the cut at 20.
    const preview = redactedPreview(JSON.stringify({ unit: `${"x".repeat(10)}🙂tail` }), KNOWN, 20);
    expect(preview!.isWellFormed()).toBe(true);
    expect(preview).toBe(`{"unit":"${"x".repeat(10)}\ufffd…`);
  });

  it("long strings are cut at 80 characters", () => {
    const preview = redactedPreview(JSON.stringify({ unit: "街".repeat(100) }), KNOWN);
    expect(preview).toBe(`{"unit":"${"街".repeat(80)}…"}`);
  });

  it("the whole preview is cut at maxChars", () => {
    const preview = redactedPreview(JSON.stringify({ a: "x".repeat(50), b: "y".repeat(50) }), KNOWN, 20);
    expect(preview).toBe('{"a":"xxxxxxxxxxxxxx…');
  });
});
