// FEEDS.md section 1: 12345 hotline work-order events, one record per lifecycle step.
import { defineFeed } from "../contract.ts";
import { COLUMN, STREET } from "./columns.ts";

export const HOTLINE_EVENTS = ["登记", "派发", "签收", "办结", "回访", "退回", "重启"] as const;
export const HOTLINE_CHANNELS = ["电话", "网站", "微信", "APP"] as const;
export const SATISFACTION = ["满意", "基本满意", "不满意"] as const;

export const hotlineContract = defineFeed({
  feed: "hotline",
  key: "order_id",
  latest: "event_time",
  topic: "raw.hotline",
  table: "hotline_events",
  msgIdTable: "hotline_msg_ids",
  fields: {
    msg_id: { type: "text", required: true, column: COLUMN.id },
    order_id: { type: "text", required: true, column: COLUMN.id },
    event: { type: "enum", values: HOTLINE_EVENTS, required: true, column: COLUMN.name },
    event_time: { type: "timestamp", required: true, column: COLUMN.time },
    category: { type: "path", column: COLUMN.optionalName },
    community: { type: "text", column: COLUMN.optionalName },
    deadline: { type: "timestamp", column: COLUMN.optionalTime },
    channel: { type: "enum", values: HOTLINE_CHANNELS, column: COLUMN.optionalName },
    repeat_of: { type: "text", column: COLUMN.optionalId },
    satisfaction: { type: "enum", values: SATISFACTION, column: COLUMN.optionalName },
    unit: { type: "text", column: COLUMN.optionalName },
    caller_phone: { type: "string", personal: { as: "phone_hmac", column: "caller_hash" }, column: COLUMN.optionalId },
    content: { type: "string", personal: { as: "presence", column: "has_content" }, column: "Bool" },
    street: STREET,
  },
  rules: [
    { keys: ["category", "community", "deadline"], when: { key: "event", in: ["登记"] }, phrase: "on" },
    { keys: ["satisfaction"], when: { key: "event", in: ["回访"] }, phrase: "on" },
  ],
});
