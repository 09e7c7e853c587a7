import { createPiiProtector } from "@casepulse/normalize";
import { describe, expect, it } from "vitest";
import { classifyRecords } from "./classify.ts";

const pii = createPiiProtector("classify-test-key-0123456789");
const RECEIVED_AT = Date.parse("2024-04-02T00:00:00Z");
const PHONE = "13800138000";

const VALID = JSON.stringify({
  msg_id: "h-1",
  order_id: "GD1",
  event: "登记",
  event_time: "2024-04-01 09:15:00",
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: "2024-04-10 18:00:00",
  caller_phone: `+86 ${PHONE}`,
  content: `楼顶违建，回电${PHONE}`,
});

describe("classifyRecords: accepted rows carry no personal data", () => {
  it.each([
    { name: "string input", value: VALID as string | Uint8Array },
    { name: "byte input", value: new TextEncoder().encode(VALID) },
  ])("$name", ({ value }) => {
    const { rows, rejected } = classifyRecords("hotline", [{ value, source: "file:a.jsonl:1" }], pii, RECEIVED_AT);
    expect(rejected).toStrictEqual([]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect("caller_phone" in row).toBe(false);
    expect("content" in row).toBe(false);
    expect(row.has_content).toBe(true);
    expect(row.caller_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.caller_hash).toBe(pii.hashPhone(PHONE));
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(JSON.stringify(row)).not.toContain("回电");
    expect(row).toMatchObject({ msg_id: "h-1", order_id: "GD1", event: "登记", event_time: Date.parse("2024-04-01T01:15:00Z") });
  });
});

describe("classifyRecords: rejected records are sealed whole, previewed without personal data", () => {
  const missingEvent = JSON.stringify({ msg_id: "h-2", order_id: "GD2", event_time: "2024-04-01 09:15:00", caller_phone: PHONE, content: `我的电话${PHONE}` });
  const notJson = `{"msg_id":"h-3","caller_phone":"${PHONE}",`;
  const array = `[{"caller_phone":"${PHONE}"}]`;
  it.each([
    {
      name: "valid JSON missing a key",
      value: missingEvent,
      reason: "event",
      msgId: "h-2" as string | null,
      preview: `{"msg_id":"h-2","order_id":"GD2","event_time":"2024-04-01 09:15:00","caller_phone":"***","content":"***"}` as string | null,
    },
    { name: "not JSON", value: notJson, reason: "JSON", msgId: null, preview: null },
    { name: "a JSON array", value: array, reason: "object", msgId: null, preview: null },
  ])("$name", ({ value, reason, msgId, preview }) => {
    const { rows, rejected } = classifyRecords("hotline", [{ value, source: "file:b.jsonl:7" }], pii, RECEIVED_AT);
    expect(rows).toStrictEqual([]);
    expect(rejected).toHaveLength(1);
    const r = rejected[0]!;
    expect(r).toMatchObject({ feed: "hotline", source: "file:b.jsonl:7", receivedAt: RECEIVED_AT, msgId, preview, byteSize: Buffer.byteLength(value) });
    expect(r.reason).toContain(reason);
    expect(r.reason).not.toContain(PHONE);
    expect(r.sealed).not.toContain(PHONE);
    expect(pii.open(r.sealed).toString("utf8")).toBe(value);
    if (r.preview !== null) expect(r.preview).not.toContain(PHONE);
  });

  // docs/semantics.md: keys not in the contract are never stored (they may carry personal data);
  // the preview is stored in clear in the dead-letter store.
  it.each([
    { key: "caller_name", value: "张三丰" },
    { key: "id_card", value: "440301199001011234" },
    { key: "address", value: "湾厦社区3栋502" },
  ])("the preview of a rejected record does not show the non-contract key $key's value", ({ key, value }) => {
    const raw = JSON.stringify({ msg_id: "h-6", order_id: "GD6", event_time: "2024-04-01 09:15:00", [key]: value });
    const { rejected } = classifyRecords("hotline", [{ value: raw, source: "file:f.jsonl:1" }], pii, RECEIVED_AT);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.preview ?? "").not.toContain(value);
    expect(rejected[0]!.reason).not.toContain(value);
    expect(pii.open(rejected[0]!.sealed).toString("utf8")).toBe(raw);
  });

  it("each rejected record keeps its own source, in input order, next to accepted ones", () => {
    const { rows, rejected } = classifyRecords(
      "hotline",
      [
        { value: notJson, source: "file:c.jsonl:1" },
        { value: VALID, source: "file:c.jsonl:2" },
        { value: missingEvent, source: "file:c.jsonl:3" },
      ],
      pii,
      RECEIVED_AT,
    );
    expect(rows.map((r) => r.msg_id)).toStrictEqual(["h-1"]);
    expect(rejected.map((r) => r.source)).toStrictEqual(["file:c.jsonl:1", "file:c.jsonl:3"]);
  });

  it("a record that is not UTF-8 is rejected and kept whole: the sealed record gives back its bytes", () => {
    const prefix = Buffer.from(`{"msg_id":"h-4","caller_phone":"${PHONE}","content":"`);
    const bytes = new Uint8Array(Buffer.concat([prefix, Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
    const { rows, rejected } = classifyRecords("hotline", [{ value: bytes, source: "file:d.jsonl:1" }], pii, RECEIVED_AT);
    expect(rows).toStrictEqual([]);
    expect(rejected).toHaveLength(1);
    const r = rejected[0]!;
    expect(r.reason).toContain("UTF-8");
    expect(r.byteSize).toBe(bytes.byteLength);
    expect(r.preview === null || !r.preview.includes(PHONE)).toBe(true);
    expect(pii.open(r.sealed).equals(Buffer.from(bytes))).toBe(true);
  });

  it("replaying a sealed non-UTF-8 record unchanged is rejected again", () => {
    const record = {
      msg_id: "h-5",
      order_id: "GD5",
      event: "派发",
      event_time: "2024-04-01 09:15:00",
      unit: "街道XX办",
    };
    const text = JSON.stringify(record);
    const at = Buffer.from(text).indexOf("XX");
    const bytes = Buffer.from(text);
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const first = classifyRecords("hotline", [{ value: new Uint8Array(bytes), source: "file:e.jsonl:1" }], pii, RECEIVED_AT);
    expect(first.rejected).toHaveLength(1);
    // What `casepulse dlq replay` sends back through classification: the opened sealed record.
    const replay = classifyRecords("hotline", [{ value: pii.open(first.rejected[0]!.sealed), source: "replay:x" }], pii, RECEIVED_AT);
    expect(replay.rows).toStrictEqual([]);
    expect(replay.rejected).toHaveLength(1);
  });
});
