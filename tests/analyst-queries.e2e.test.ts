// The ready queries of docs/analysts.md and every panel query of the Grafana dashboard run on
// real data (a district's: three streets); those that repeat a report figure give the report's
// figure, and the dashboard's `street` variable, expanded to every street and to one, gives the
// district's report and that street's.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STREET } from "@casepulse/config";
import type { Report } from "@casepulse/reporting";
import { childJson } from "./support/child-script.ts";
import { cliJson, ROOT, runCli } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";
import { readyQueries } from "./support/analyst-docs.ts";

type Rows = Record<string, unknown>[];

const PHONE = "13800138000";
const registration = (n: number, category: string, community: string, day: string) => ({
  msg_id: `repeat-caller-${n}`,
  order_id: `RC2024000${n}`,
  event: "登记",
  event_time: `2024-${day}T02:00:00Z`,
  category,
  community,
  deadline: `2024-${day}T10:00:00Z`,
  channel: "电话",
  caller_phone: n === 4 ? "13900139000" : PHONE,
});
const REPEAT_CALLER = [
  registration(1, "环境保护/噪音扰民", "湾厦社区", "03-01"),
  registration(2, "环境保护/噪音扰民", "湾厦社区", "05-10"),
  registration(3, "城乡建设/违法建设", "蛇口社区", "11-20"),
  registration(4, "城乡建设/违法建设", "蛇口社区", "11-21"),
];
const STREETS = [DEFAULT_STREET, "招商街道", "粤海街道"];
/** The street the dashboard is also expanded to. */
const ONE = "招商街道";
let data: GeneratedData;
let report2024: Report;
let report2023: Report;
let street2024: Report;

async function runSql(queries: string[]): Promise<({ rows: Rows } | { error: string })[]> {
  const file = join(data.work, `queries-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(queries));
  return childJson("run-sql.ts", [file], data.env);
}

/** Grafana's macros for the time range 2024 (Shanghai), as the ClickHouse plugin expands them. */
const FROM = "toDateTime64('2024-01-01 00:00:00', 3, 'Asia/Shanghai')";
const TO = "toDateTime64('2025-01-01 00:00:00', 3, 'Asia/Shanghai')";
const expandMacros = (sql: string) =>
  sql.replace(/\$__timeFilter\((\w+)\)/g, `($1 >= ${FROM} AND $1 < ${TO})`).replaceAll("$__fromTime", FROM).replaceAll("$__toTime", TO);

interface Dashboard {
  templating: { list: { name: string; type: string; query: string }[] };
  panels: { title: string; datasource: { type: string }; targets: { refId: string; rawSql: string }[] }[];
}
const dashboard = () => JSON.parse(readFileSync(join(ROOT, "infra", "grafana", "dashboards", "casepulse.json"), "utf8")) as Dashboard;

/** `$__conditionalAll(condition, $var)` as the ClickHouse plugin expands it: 1=1 when every value is picked, else the condition. */
function conditionalAll(sql: string, all: boolean): string {
  const macro = "$__conditionalAll(";
  for (let at = sql.indexOf(macro); at !== -1; at = sql.indexOf(macro)) {
    let depth = 0;
    let quoted = false;
    let comma = -1;
    let end = at + macro.length;
    for (; end < sql.length; end++) {
      const ch = sql[end]!;
      if (ch === "'") quoted = !quoted;
      if (quoted) continue;
      if (ch === "(") depth++;
      else if (ch === ")" && depth-- === 0) break;
      else if (ch === "," && depth === 0) comma = end;
    }
    sql = `${sql.slice(0, at)}${all ? "1=1" : sql.slice(at + macro.length, comma)}${sql.slice(end + 1)}`;
  }
  return sql;
}

/** The `street` variable at every street (null) or at one, `default_street` at the dashboard's constant. */
function expandStreet(sql: string, street: string | null): string {
  const fallback = dashboard().templating.list.find((v) => v.name === "default_street")!.query;
  return conditionalAll(sql, street === null).replaceAll("${default_street:sqlstring}", `'${fallback}'`).replaceAll("${street:singlequote}", `'${street}'`);
}

function dashboardQueries(street: string | null = null): Map<string, string> {
  return new Map(dashboard().panels.flatMap((p) => p.targets.map((t): [string, string] => [`${p.title} ${t.refId}`, expandStreet(expandMacros(t.rawSql), street)])));
}

const sumBy = (rows: Rows, key: string, value: string) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r[key])] = (out[String(r[key])] ?? 0) + Number(r[value]);
  return out;
};
const total = (rows: Rows, value: string) => rows.reduce((s, r) => s + Number(r[value]), 0);

describe("analyst queries and the Grafana dashboard", () => {
  const results = new Map<string, Rows>();
  const results0 = () => results;
  /** The dashboard's panels with the street variable at ONE. */
  const streetResults = new Map<string, Rows>();
  beforeAll(async () => {
    // The docs and the dashboard name the database `casepulse`.
    data = await generatedData("analysts", 777, 0.1, "casepulse", STREETS);
    // The generator gives every order its own caller: add one caller with three orders by hand.
    const calls = join(data.work, "repeat-caller.jsonl");
    writeFileSync(calls, REPEAT_CALLER.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const ingested = await runCli(["ingest", "--source", "hotline", "--file", calls], data.env);
    expect(ingested.code, ingested.stderr).toBe(0);
    report2024 = await cliJson<Report>(["report", "--period", "2024"], data.env);
    report2023 = await cliJson<Report>(["report", "--period", "2023"], data.env);
    street2024 = await cliJson<Report>(["report", "--period", "2024", "--street", ONE], data.env);
    const all = new Map([...readyQueries(), ...dashboardQueries()]);
    const one = dashboardQueries(ONE);
    const answers = await runSql([...all.values(), ...one.values()]);
    const names = [...all.keys(), ...[...one.keys()].map((k) => `${ONE} ${k}`)];
    const failed = names.flatMap((name, i) => ("error" in answers[i]! ? [`${name}: ${answers[i]!.error}`] : []));
    expect(failed).toEqual([]);
    [...all.keys()].forEach((name, i) => results.set(name, (answers[i] as { rows: Rows }).rows));
    [...one.keys()].forEach((name, i) => streetResults.set(name, (answers[all.size + i] as { rows: Rows }).rows));
  });
  afterAll(() => data?.cleanup());

  it("the docs hold the six ready queries and the dashboard its panels", () => {
    expect([...readyQueries().keys()]).toEqual([
      "orders per community per month",
      "repeat callers",
      "on-time close rate by unit",
      "unit ranking",
      "overdue open orders",
      "mediation success by kind",
      "cases by cause year on year",
      "supervision items by kind and level",
      "rejected records by reason",
    ]);
    expect(dashboardQueries().size).toBeGreaterThanOrEqual(15);
    expect(dashboardQueries().has("建议提案按时答复（按类型） A")).toBe(true);
  });

  it("docs: orders per community per month add up to hotline.by_community", () => {
    const rows = results.get("orders per community per month")!;
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`)));
    expect(sumBy(rows, "community", "orders")).toEqual(Object.fromEntries(report2024.hotline.by_community.map((c) => [c.community, c.orders])));
  });

  it("docs: on-time by unit, mediation by kind, causes year on year and rejections give the report's figures", () => {
    const units = results.get("on-time close rate by unit")!;
    expect([total(units, "closed"), total(units, "on_time")]).toEqual([report2024.hotline.closed, report2024.hotline.closed_on_time]);
    const kinds = results.get("mediation success by kind")!;
    const m = report2024.mediation;
    expect([total(kinds, "succeeded"), total(kinds, "failed"), total(kinds, "succeeded") + total(kinds, "failed") + total(kinds, "ended")]).toEqual([m.succeeded, m.failed, m.closed]);
    const causes = results.get("cases by cause year on year")!;
    const byCause = (r: Report) => Object.fromEntries(r.litigation.causes.map((c) => [c.cause, c.filed]));
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
    expect(nonZero(sumBy(causes, "cause", "filed_2024"))).toEqual(byCause(report2024));
    expect(nonZero(sumBy(causes, "cause", "filed_2023"))).toEqual(byCause(report2023));
    expect(total(results.get("rejected records by reason")!, "records")).toBe(report2024.quality.rejected);
  });

  const DASHBOARD_RANKING = { ranking: "承办单位排名（按时办结率、满意率） A", backlog: "超期未办结工单（时段末） A", cols: ["承办单位", "受理", "办结", "按时办结", "按时办结率", "满意率"] };
  it.each([
    { source: "docs", street: false, ranking: "unit ranking", backlog: "overdue open orders", cols: ["unit", "orders", "closed", "closed_on_time", "on_time_rate", "satisfaction_rate"] },
    { source: "dashboard", street: false, ...DASHBOARD_RANKING },
    { source: `dashboard of ${ONE}`, street: true, ...DASHBOARD_RANKING },
  ])("$source: the unit ranking gives hotline.by_unit, the backlog overdue_open and overdue_list", ({ street, ranking, backlog, cols }) => {
    const results = street ? streetResults : results0();
    const h = (street ? street2024 : report2024).hotline;
    const [unit, orders, closed, onTime, onTimeRate, satisfaction] = cols as [string, string, string, string, string, string];
    const rows = results.get(ranking)!;
    const rate = (v: unknown) => (v === null ? null : Number(Number(v).toFixed(4)));
    const byUnit = (units: { unit: string }[]) => [...units].sort((a, b) => (a.unit < b.unit ? -1 : 1));
    expect(h.by_unit.length).toBeGreaterThan(1);
    expect(byUnit(rows.map((r) => ({ unit: String(r[unit]), orders: Number(r[orders]), closed: Number(r[closed]), closed_on_time: Number(r[onTime]), on_time: rate(r[onTimeRate]), satisfaction: rate(r[satisfaction]) })))).toEqual(
      byUnit(h.by_unit.map((u) => ({ unit: u.unit, orders: u.orders, closed: u.closed, closed_on_time: u.closed_on_time, on_time: rate(u.on_time_close_rate), satisfaction: rate(u.satisfaction_rate) }))),
    );
    const rates = rows.map((r) => Number(r[onTimeRate] ?? -1));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const overdue = results.get(backlog)!;
    expect(h.overdue_open).toBeGreaterThan(0);
    expect(overdue).toHaveLength(h.overdue_open);
    const first = overdue.slice(0, h.overdue_list.length).map((r) => Object.values(r));
    expect(first.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(h.overdue_list.map((o) => [o.order_id, o.overdue_days, o.community, o.category, o.unit]));
  });

  it("docs: supervision items by kind and level give the report's supervision block", () => {
    const rows = results.get("supervision items by kind and level")!;
    const s = report2024.supervision;
    expect(s.received).toBeGreaterThan(0);
    expect(rows.map((r) => ({ kind: r.kind, level: r.level, received: Number(r.received), replied: Number(r.replied), replied_on_time: Number(r.replied_on_time) }))).toEqual(s.by_kind);
    expect([total(rows, "received"), total(rows, "replied"), total(rows, "replied_on_time"), total(rows, "late")]).toEqual([s.received, s.replied, s.replied_on_time, s.late]);
  });

  it("docs: repeat callers finds the hand-built caller with three orders, and only by hash", () => {
    // The generator has repeat callers of its own: the hand-built one is the one last calling on 2024-11-20.
    const handBuilt = (rows: Rows) => rows.filter((r) => Object.values(r)[1] === 3 && JSON.stringify(r).includes('"2024-11-20 10:00:00'));
    for (const name of ["repeat callers", "重复来电（同一来电人登记2件及以上） A"]) {
      const rows = results.get(name)!;
      expect(handBuilt(rows), name).toHaveLength(1);
      for (const row of rows) expect(Object.values(row)[0], name).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(PHONE);
    }
    const [row] = handBuilt(results.get("repeat callers")!);
    expect([...(row!.categories as string[])].sort()).toEqual(["城乡建设/违法建设", "环境保护/噪音扰民"]);
  });

  it.each([false, true])("dashboard (one street: %s): the stat panels and monthly series give the 2024 report's figures", (street) => {
    const results = street ? streetResults : results0();
    const report = street ? street2024 : report2024;
    const h = report.hotline;
    const l = report.litigation;
    expect(results.get("热线工单 A")).toEqual([{ 热线工单: h.orders }]);
    expect(Number(results.get("按时办结率 A")![0]!["按时办结率"])).toBeCloseTo(h.on_time_close_rate!, 12);
    expect(results.get("行政复议 / 行政诉讼收案 A")).toEqual([{ 行政复议: l.reconsideration.filed, 行政诉讼: l.litigation.filed }]);
    expect(total(results.get("月度收件（北京时间） A")!, "热线工单")).toBe(h.orders);
    expect(results.get("月度收件（北京时间） A")).toHaveLength(12);
    expect(total(results.get("月度收件（北京时间） B")!, "调解受理")).toBe(report.mediation.registered);
    expect(sumBy(results.get("各社区工单 A")!, "社区", "工单")).toEqual(Object.fromEntries(h.by_community.map((c) => [c.community, c.orders])));
    const causes = results.get("案由同比 A")!;
    expect(total(causes, "本期")).toBe(l.reconsideration.filed + l.litigation.filed);
    expect(total(causes, "上年同期")).toBe(l.reconsideration.filed_prev + l.litigation.filed_prev);
    const success = results.get("调解成功率 A")![0]!["调解成功率"];
    const rate = report.mediation.success_rate;
    expect(success === null ? null : Number(success)).toEqual(rate === null ? null : expect.closeTo(rate, 12));
  });

  it.each([false, true])("dashboard (one street: %s): supervision items by kind give the 2024 report's supervision block", (street) => {
    const results = street ? streetResults : results0();
    const s = (street ? street2024 : report2024).supervision;
    const rows = results.get("建议提案按时答复（按类型） A")!;
    expect(s.received).toBeGreaterThan(0);
    if (street) expect(s.received).toBeLessThan(report2024.supervision.received);
    // One row per by_kind entry (kind, level), in the report's order.
    expect(rows.map((r) => ({ kind: r["类型"], level: r["级别"], received: Number(r["交办"]), replied: Number(r["已答复"]), replied_on_time: Number(r["按时答复"]) }))).toEqual(s.by_kind);
    // Per kind (the levels of a kind added up) and in total.
    const perKind = (entries: { kind: string; received: number; replied: number; replied_on_time: number }[]) => {
      const out: Record<string, [number, number, number]> = {};
      for (const e of entries) {
        const k = (out[e.kind] ??= [0, 0, 0]);
        k[0] += e.received;
        k[1] += e.replied;
        k[2] += e.replied_on_time;
      }
      return out;
    };
    const fromRows = rows.map((r) => ({ kind: String(r["类型"]), received: Number(r["交办"]), replied: Number(r["已答复"]), replied_on_time: Number(r["按时答复"]) }));
    expect(perKind(fromRows)).toEqual(perKind(s.by_kind));
    expect(Object.keys(perKind(s.by_kind)).length).toBeGreaterThan(1);
    expect([total(rows, "交办"), total(rows, "已答复"), total(rows, "按时答复"), total(rows, "逾期")]).toEqual([s.received, s.replied, s.replied_on_time, s.late]);
    expect(s.late).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r["按时答复率"])).toBeCloseTo(Number(r["按时答复"]) / Number(r["交办"]), 4);
    expect(total(rows, "按时答复") / total(rows, "交办")).toBeCloseTo(s.on_time_reply_rate!, 12);
  });

  it("the street variable: every street any order, case or item belongs to, at the deployment's default street", async () => {
    const variables = dashboard().templating.list;
    expect(variables.find((v) => v.name === "default_street")).toMatchObject({ type: "constant", query: DEFAULT_STREET });
    const street = variables.find((v) => v.name === "street")!;
    const [answer] = await runSql([expandStreet(street.query, null)]);
    expect((answer as { rows: Rows }).rows.map((r) => r.street)).toEqual(report2024.streets!.map((s) => s.street));
    expect(report2024.streets!.map((s) => s.street).sort()).toEqual([...STREETS].sort());
    // Every panel but data quality takes the variable.
    const unscoped = dashboard().panels.filter((p) => p.targets.some((t) => !t.rawSql.includes("$__conditionalAll(")));
    expect(unscoped.map((p) => p.title)).toEqual(["拒收记录（按原因，累计）"]);
    expect(street2024.hotline.orders).toBeGreaterThan(0);
    expect(street2024.hotline.orders).toBeLessThan(report2024.hotline.orders);
  });
});
