import { describe, expect, it } from "vitest";
import type { HotlineEvent } from "./feed-types.ts";
import { newOrdersExport } from "./gen-new-orders.ts";
import { shanghaiParts } from "./time-format.ts";
import { tryParseTimestamp } from "./timestamp.ts";

const records = newOrdersExport({ seed: 7, month: "2024-02", orders: 3000 });
const time = (text: string | null | undefined) => tryParseTimestamp(text ?? "") ?? Number.NaN;

describe("newOrdersExport", () => {
  it("the same seed gives the same records; another seed does not", () => {
    expect(newOrdersExport({ seed: 7, month: "2024-02", orders: 3000 })).toEqual(records);
    expect(newOrdersExport({ seed: 8, month: "2024-02", orders: 3000 })).not.toEqual(records);
  });

  it.each<[string, (r: HotlineEvent) => boolean]>([
    ["is a 登记", (r) => r.event === "登记"],
    ["has the caller's number", (r) => /^1[35789]\d{9}$/.test(r.caller_phone ?? "")],
    ["has the complaint text", (r) => (r.content ?? "").includes("来电反映")],
    ["has category, community and channel", (r) => Boolean(r.category && r.community && r.channel)],
    ["is registered in February 2024 (Shanghai)", (r) => {
      const day = shanghaiParts(time(r.event_time));
      return day.year === 2024 && day.month0 === 1;
    }],
    ["has its deadline after its registration", (r) => time(r.deadline) > time(r.event_time)],
  ])("every record %s", (_, holds) => {
    expect(records.filter((r) => !holds(r))).toEqual([]);
  });

  it("gives every order its own order_id and msg_id, in registration order", () => {
    expect(records).toHaveLength(3000);
    expect(new Set(records.map((r) => r.order_id)).size).toBe(3000);
    expect(new Set(records.map((r) => r.msg_id)).size).toBe(3000);
    const times = records.map((r) => time(r.event_time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("refuses a month that is not YYYY-MM", () => {
    expect(() => newOrdersExport({ seed: 1, month: "2024-2", orders: 1 })).toThrow(/YYYY-MM/);
  });
});
