import { describe, expect, it } from "vitest";
import { metricQuery, UnknownMetricError } from "./explain-metrics.ts";

describe("metricQuery: every count of the JSON report has a query", () => {
  it.each([
    { name: "hotline.orders", key: undefined, from: "hotline_orders", counted: "'登记'" },
    { name: "hotline.repeat_orders", key: undefined, from: "hotline_orders", counted: "'登记'" },
    { name: "hotline.orders_prev", key: undefined, from: "hotline_orders", counted: "'登记'" },
    { name: "hotline.closed", key: undefined, from: "hotline_orders", counted: "'办结'" },
    { name: "hotline.closed_on_time", key: undefined, from: "hotline_orders", counted: "'办结'" },
    { name: "hotline.visited", key: undefined, from: "hotline_events", counted: "'回访'" },
    { name: "hotline.satisfied", key: undefined, from: "hotline_events", counted: "'回访'" },
    { name: "hotline.by_category:城乡建设/违法建设", key: "城乡建设/违法建设", from: "hotline_orders", counted: "category = {key:String}" },
    { name: "hotline.by_community:湾厦社区", key: "湾厦社区", from: "hotline_orders", counted: "community = {key:String}" },
    { name: "hotline.returned", key: undefined, from: "hotline_orders", counted: "'退回'" },
    { name: "hotline.reopened", key: undefined, from: "hotline_orders", counted: "'重启'" },
    { name: "hotline.accepted_in_time", key: undefined, from: "hotline_orders", counted: "argMin(msg_id" },
    { name: "hotline.overdue_open", key: undefined, from: "hotline_events", counted: "counted_msg_id AS msg_id" },
    { name: "hotline.repeat_callers", key: undefined, from: "hotline_orders", counted: "caller_hash AS id" },
    { name: "hotline.repeat_caller_orders", key: undefined, from: "hotline_orders", counted: "HAVING orders >= 3" },
    { name: "hotline.by_unit:蛇口街道执法队", key: "蛇口街道执法队", from: "hotline_orders", counted: "'登记'" },
    { name: "hotline.by_unit:蛇口街道执法队.closed", key: "蛇口街道执法队", from: "hotline_orders", counted: "'办结'" },
    { name: "hotline.by_unit:蛇口街道执法队.closed_on_time", key: "蛇口街道执法队", from: "hotline_orders", counted: "closed_at <= deadline" },
    { name: "hotline.by_unit:a.closed.closed", key: "a.closed", from: "hotline_orders", counted: "unit = {key:String}" },
    { name: "mediation.registered", key: undefined, from: "mediation_cases", counted: "updated_at AS at" },
    { name: "mediation.referred", key: undefined, from: "hotline_order_state", counted: "referral_order_id IN" },
    { name: "mediation.referred_succeeded", key: undefined, from: "mediation_snapshots", counted: "'调解成功'" },
    { name: "mediation.by_dispute_type:物业纠纷", key: "物业纠纷", from: "mediation_cases", counted: "dispute_type = {key:String}" },
    { name: "mediation.by_dispute_type:物业纠纷.succeeded", key: "物业纠纷", from: "mediation_cases", counted: "'调解成功' AND dispute_type" },
    { name: "litigation.reconsideration.decided", key: undefined, from: "litigation_cases", counted: "kind = 'reconsideration' AND" },
    { name: "litigation.reconsideration.corrected", key: undefined, from: "litigation_cases", counted: "'ordered_to_perform'" },
    { name: "litigation.litigation.lost", key: undefined, from: "litigation_cases", counted: "kind = 'litigation'" },
    { name: "litigation.litigation.withdrawn_or_settled", key: undefined, from: "litigation_cases", counted: "('withdrawn', 'settled')" },
    { name: "mediation.by_kind.人民调解", key: undefined, from: "mediation_cases", counted: "kind = '人民调解'" },
    { name: "mediation.succeeded", key: undefined, from: "mediation_cases", counted: "'调解成功'" },
    { name: "litigation.reconsideration.filed", key: undefined, from: "litigation_cases", counted: "'reconsideration'" },
    { name: "litigation.litigation.filed_prev", key: undefined, from: "litigation_cases", counted: "prev_start" },
    { name: "litigation.lost", key: undefined, from: "litigation_cases", counted: "'revoked'" },
    { name: "litigation.head_appeared", key: undefined, from: "litigation_cases", counted: "head_appeared" },
    { name: "litigation.causes:信息公开", key: "信息公开", from: "litigation_cases", counted: "cause = {key:String}" },
    { name: "litigation.new_causes", key: undefined, from: "litigation_cases", counted: "lookback_start" },
    { name: "supervision.received", key: undefined, from: "supervision_items", counted: "item_id AS id" },
    { name: "supervision.replied", key: undefined, from: "supervision_items", counted: "status IN ('已答复', '已办结')" },
    { name: "supervision.replied_on_time", key: undefined, from: "supervision_items", counted: "replied_at <= due_at" },
    { name: "supervision.late", key: undefined, from: "supervision_items", counted: "due_at < {end:DateTime64(3, 'UTC')}" },
    { name: "supervision.by_kind:人大建议:市", key: "人大建议:市", from: "supervision_items", counted: "= {key:String}" },
    { name: "supervision.by_kind:政协提案:区.replied", key: "政协提案:区", from: "supervision_items", counted: "status IN ('已答复', '已办结') AND" },
    { name: "supervision.by_kind:司法建议", key: "司法建议", from: "supervision_items", counted: "= {key:String}" },
    { name: "supervision.by_kind:检察建议.replied_on_time", key: "检察建议", from: "supervision_items", counted: "replied_at <= due_at AND" },
    { name: "supervision.by_kind:人大建议", key: "人大建议", from: "supervision_items", counted: "= {key:String}" },
    { name: "quality.accepted", key: undefined, from: "litigation_snapshots", counted: "hotline_events" },
    { name: "quality.accepted", key: undefined, from: "supervision_snapshots", counted: "item_id" },
    { name: "quality.rejected", key: undefined, from: "rejected_events FINAL", counted: "received_at" },
  ])("$name", ({ name, key, from, counted }) => {
    const q = metricQuery(name);
    expect(q.key).toBe(key);
    const sql = q.sql("testdb");
    expect(sql).toContain(`testdb.${from}`);
    expect(sql).toContain(counted);
    expect(sql).toMatch(/AS id\b/);
  });
});

describe("metricQuery: names that are not a count are refused, naming them", () => {
  it.each([
    "hotline.order",
    "hotline.on_time_close_rate",
    "hotline.by_category:",
    "mediation.by_kind.调解",
    "mediation.amount_yuan",
    "litigation.causes",
    "quality.received",
    "supervision.on_time_reply_rate",
    "supervision.by_kind",
    "supervision.by_kind:",
    "supervision.by_kind:司法建议:市",
    "supervision.by_kind:人大建议:省",
    "supervision.by_kind:人大建议:市.late",
    "supervision.by_kind:人大建议:市.replied.x",
    "supervision.by_kind:信访事项",
    "hotline.by_unit:",
    "hotline.return_rate",
    "hotline.overdue_list",
    "hotline.close_hours_median",
    "mediation.by_dispute_type:",
    "litigation.reconsideration.correction_rate",
    "litigation.litigation.withdrawal_rate",
    "",
    "constructor",
    "__proto__",
    "toString",
  ])("%j", (name) => {
    expect(() => metricQuery(name)).toThrow(UnknownMetricError);
    expect(() => metricQuery(name)).toThrow(JSON.stringify(name));
  });
});
