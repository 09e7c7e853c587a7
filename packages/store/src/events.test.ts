import { describe, expect, it } from "vitest";
import type { FeedRowMap } from "@casepulse/normalize";
import { encodeEvents, EVENT_COLUMNS } from "./events.ts";

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
  // insertEventsFrom copies these columns from a staged table: one left out would be stored empty.
  it.each(Object.keys(ROWS) as (keyof FeedRowMap)[])("%s: every column a stored row fills, in the row's order", (feed) => {
    const [line] = encodeEvents(feed, [ROWS[feed] as never]).lines;
    expect([...EVENT_COLUMNS[feed]]).toEqual(Object.keys(JSON.parse(line!)));
  });
});
