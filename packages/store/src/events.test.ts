import { describe, expect, it } from "vitest";
import type { FeedRowMap } from "@casepulse/normalize";
import { encodeEvents, EVENT_COLUMNS, rowsFromObjects, STORED_VALUES } from "./events.ts";

const T = Date.UTC(2024, 3, 1, 2, 0, 0);
const ROWS: { [F in keyof FeedRowMap]: FeedRowMap[F] } = {
  hotline: {
    msg_id: "h-1", order_id: "GD1", event: "登记", event_time: T, category: "a/b", community: "c", deadline: T, channel: "电话",
    repeat_of: null, satisfaction: null, unit: null, caller_hash: "ab", has_content: true, street: "蛇口街道",
  },
  mediation: {
    msg_id: "m-1", case_id: "TJ1", updated_at: T, registered_at: T, kind: "人民调解", dispute_type: "邻里纠纷", status: "调解成功",
    closed_at: T, community: null, amount_yuan: "12.5", parties: 2, referral_order_id: null, street: null,
  },
  litigation: {
    msg_id: "l-1", case_id: "FY1", kind: "litigation", cause: "行政处罚", filed_at: T, updated_at: T, status: "decided",
    hearing_at: T, head_appeared: true, outcome: "upheld", decided_at: T, street: null,
  },
  supervision: {
    msg_id: "s-1", item_id: "SF-1", kind: "司法建议", level: null, received_at: T, due_at: T, updated_at: T, status: "已答复",
    replied_at: T, street: "招商街道",
  },
};

describe("EVENT_COLUMNS", () => {
  // insertEventsFrom copies these columns from a staged table, and an encoded row is inserted as
  // their values in this order: one left out would be stored empty, two swapped in each other's place.
  it.each(Object.keys(ROWS) as (keyof FeedRowMap)[])("%s: every column a stored row fills, in the row's order", (feed) => {
    expect(STORED_VALUES[feed].map((v) => v.key)).toEqual([...EVENT_COLUMNS[feed]]);
    const [line] = encodeEvents(feed, [ROWS[feed] as never]).lines;
    const values = JSON.parse(line!) as unknown[];
    expect(values).toHaveLength(EVENT_COLUMNS[feed].length);
    expect(values[EVENT_COLUMNS[feed].indexOf("msg_id")]).toBe(ROWS[feed].msg_id);
  });
});

describe("rowsFromObjects: the previous release's rows in today's form", () => {
  it.each(Object.keys(ROWS) as (keyof FeedRowMap)[])("%s: an object row becomes the array encodeEvents makes", (feed) => {
    const [line] = encodeEvents(feed, [ROWS[feed] as never]).lines;
    const values = JSON.parse(line!) as unknown[];
    const object = JSON.stringify(Object.fromEntries(EVENT_COLUMNS[feed].map((c, i) => [c, values[i]])));
    expect(rowsFromObjects(feed, [object])).toEqual([line]);
  });

  it("a key the object leaves out is null; a line that is not an object throws", () => {
    const [row] = rowsFromObjects("hotline", [JSON.stringify({ msg_id: "h-9", order_id: "GD9" })]);
    expect(JSON.parse(row!)).toEqual(EVENT_COLUMNS.hotline.map((c) => (c === "msg_id" ? "h-9" : c === "order_id" ? "GD9" : null)));
    expect(() => rowsFromObjects("hotline", ["[1,2]"])).toThrow(/row 1 is not a JSON object/);
    expect(() => rowsFromObjects("hotline", ["{", "{}"])).toThrow();
  });
});
