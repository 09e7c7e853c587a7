import { createPiiProtector } from "@casepulse/normalize";
import { afterAll, describe, expect, it } from "vitest";
import { classifyEncoded } from "./classify.ts";
import { threadClassifier } from "./classifier.ts";

const KEY = "classifier-test-key-0123456789";
const pii = createPiiProtector(KEY);
const RECEIVED_AT = Date.parse("2024-04-02T00:00:00Z");
const order = (i: number) => ({
  msg_id: `h-${i}`,
  order_id: `GD${i % 7}`,
  event: i % 3 === 0 ? "登记" : "派发",
  event_time: `2024-04-01 09:${String(i % 60).padStart(2, "0")}:00`,
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: "2024-04-10 18:00:00",
  caller_phone: `+86 1380013${String(i).padStart(4, "0")}`,
  content: `楼顶违建，回电1380013${String(i).padStart(4, "0")}`,
});
// Valid records, bytes and strings, and the ways a record is rejected: not JSON, not an object, a bad value, a missing key.
const RECORDS = [
  ...Array.from({ length: 40 }, (_, i) => ({ value: i % 2 ? JSON.stringify(order(i)) : Buffer.from(JSON.stringify(order(i))), source: `kafka:t:0:${i}` })),
  { value: "{not json", source: "kafka:t:0:40" },
  { value: Buffer.from("[1,2]"), source: "kafka:t:0:41" },
  { value: JSON.stringify({ ...order(42), event: "办完" }), source: "kafka:t:0:42" },
  { value: JSON.stringify({ ...order(43), order_id: undefined }), source: "kafka:t:0:43" },
  { value: "", source: "kafka:t:0:44" },
];

const thread = threadClassifier(KEY);
afterAll(() => thread.close());

describe("threadClassifier", () => {
  it("gives what classifyEncoded gives on the calling thread; dead letters seal the record's own bytes", async () => {
    const here = classifyEncoded("hotline", RECORDS, pii, RECEIVED_AT);
    const there = await thread.classify("hotline", RECORDS, RECEIVED_AT);
    expect(there.lines).toHaveLength(40);
    expect(here.rejected).toHaveLength(5);
    // Sealing draws a fresh IV each time: compare what the sealed copies open to.
    const unsealed = (b: typeof here) => ({ ...b, rejected: b.rejected.map((r) => ({ ...r, sealed: pii.open(r.sealed).toString("utf8") })) });
    expect(unsealed(there)).toStrictEqual(unsealed(here));
    expect(unsealed(there).rejected.map((r) => r.sealed)).toStrictEqual(RECORDS.slice(40).map((r) => r.value.toString()));
  });

  it("answers requests in flight together, each with its own records", async () => {
    const halves = await Promise.all([thread.classify("hotline", RECORDS.slice(0, 20), RECEIVED_AT), thread.classify("hotline", RECORDS.slice(20), RECEIVED_AT)]);
    expect(halves.map((h) => h.msgIds)).toStrictEqual([
      classifyEncoded("hotline", RECORDS.slice(0, 20), pii, RECEIVED_AT).msgIds,
      classifyEncoded("hotline", RECORDS.slice(20), pii, RECEIVED_AT).msgIds,
    ]);
  });

  it("a request that fails on the thread fails alone: the next one is answered", async () => {
    await expect(thread.classify("no-such-feed" as never, RECORDS.slice(0, 2))).rejects.toThrow(/^classifying thread: /);
    expect((await thread.classify("hotline", RECORDS.slice(0, 2), RECEIVED_AT)).msgIds).toStrictEqual(["h-0", "h-1"]);
  });

  it("a closed classifier refuses, and a bad key fails where it is made", async () => {
    const other = threadClassifier(KEY);
    await other.classify("hotline", RECORDS.slice(0, 1));
    await other.close();
    await expect(other.classify("hotline", RECORDS.slice(0, 1))).rejects.toThrow(/closed/);
    expect(() => threadClassifier("short")).toThrow(/at least 16 characters/);
  });
});
