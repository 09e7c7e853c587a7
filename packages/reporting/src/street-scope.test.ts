// REPORT.md "Streets": the scope is part of every count's condition, so no figure, explain or
// trend can be left unscoped by a query that forgets it.
import { describe, expect, it } from "vitest";
import * as figures from "./figure-conditions.ts";
import { BACKLOG_BY_STATE, backlogByEvents, CALLER_ORDERS_IN_P, CLOSE_DURATION, HOTLINE_PROCESS_COUNTS, overdueOrders, repeatCallerOrders, repeatCallers, UNIT_COUNTS } from "./hotline-conditions.ts";
import { VISIT_BY_STATE, visitedAcrossEnd, visitsOfP } from "./visit-conditions.ts";
import { DEFAULT_STREET } from "@casepulse/config";
import { scopeParams } from "./sql-params.ts";

const { IN_SCOPE } = figures;

const tables: Record<string, Readonly<Record<string, string>>> = {
  HOTLINE_ORDER_COUNTS: figures.HOTLINE_ORDER_COUNTS,
  HOTLINE_VISIT_COUNTS: figures.HOTLINE_VISIT_COUNTS,
  MEDIATION_COUNTS: figures.MEDIATION_COUNTS,
  DISPUTE_TYPE_COUNTS: figures.DISPUTE_TYPE_COUNTS,
  mediationReferralCounts: figures.mediationReferralCounts("db"),
  LITIGATION_COUNTS: figures.LITIGATION_COUNTS,
  SUPERVISION_COUNTS: figures.SUPERVISION_COUNTS,
  SUPERVISION_ENTRY_COUNTS: figures.SUPERVISION_ENTRY_COUNTS,
  HOTLINE_PROCESS_COUNTS,
  UNIT_COUNTS,
  VISIT_BY_STATE,
};

describe("every count's condition holds the report's scope", () => {
  const conditions = Object.entries(tables).flatMap(([table, counts]) => Object.entries(counts).map(([name, sql]) => [`${table}.${name}`, sql] as const));
  it.each(conditions)("%s", (_name, sql) => {
    expect(sql).toContain(IN_SCOPE);
  });

  it.each([
    ["the lists' rows", [figures.HOTLINE_ORDERS_IN_P, figures.MEDIATION_REGISTERED_IN_P, figures.LITIGATION_FILED_IN_P, figures.SUPERVISION_RECEIVED_IN_P]],
    ["the spike window", [figures.hotlineRegisteredIn("spike_start", "end")]],
    ["each kind", figures.MEDIATION_KINDS.map(figures.mediationKindCondition)],
    ["the close durations, callers and backlog", [CLOSE_DURATION.condition, CALLER_ORDERS_IN_P, repeatCallers("db"), repeatCallerOrders("db"), overdueOrders("db")]],
    ["the backlog and the visits the state judges, and those read from events", [BACKLOG_BY_STATE, backlogByEvents("db"), visitedAcrossEnd("db"), visitsOfP("db")]],
  ])("%s", (_name, sqls) => {
    for (const sql of sqls) expect(sql).toContain(IN_SCOPE);
  });

  it("a new cause is new against the scope's own earlier cases", () => {
    expect(figures.newCauseCondition("db.litigation_cases").split(IN_SCOPE)).toHaveLength(3);
  });

  it("the parameters: '' for every street, the default street for records naming none", () => {
    expect(scopeParams()).toStrictEqual({ street: "", default_street: DEFAULT_STREET });
    expect(scopeParams({ street: "招商街道", defaultStreet: "粤海街道" })).toStrictEqual({ street: "招商街道", default_street: "粤海街道" });
  });
});
