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
    { name: "mediation.registered", key: undefined, from: "mediation_cases", counted: "updated_at AS at" },
    { name: "mediation.by_kind.人民调解", key: undefined, from: "mediation_cases", counted: "kind = '人民调解'" },
    { name: "mediation.succeeded", key: undefined, from: "mediation_cases", counted: "'调解成功'" },
    { name: "litigation.reconsideration.filed", key: undefined, from: "litigation_cases", counted: "'reconsideration'" },
    { name: "litigation.litigation.filed_prev", key: undefined, from: "litigation_cases", counted: "prev_start" },
    { name: "litigation.lost", key: undefined, from: "litigation_cases", counted: "'revoked'" },
    { name: "litigation.head_appeared", key: undefined, from: "litigation_cases", counted: "head_appeared" },
    { name: "litigation.causes:信息公开", key: "信息公开", from: "litigation_cases", counted: "cause = {key:String}" },
    { name: "litigation.new_causes", key: undefined, from: "litigation_cases", counted: "lookback_start" },
    { name: "quality.accepted", key: undefined, from: "litigation_snapshots", counted: "hotline_events" },
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
    "",
    "constructor",
    "__proto__",
    "toString",
  ])("%j", (name) => {
    expect(() => metricQuery(name)).toThrow(UnknownMetricError);
    expect(() => metricQuery(name)).toThrow(JSON.stringify(name));
  });
});
