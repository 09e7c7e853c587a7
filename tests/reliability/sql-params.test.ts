// Every SQL text in packages/*/src and services/*/src that is a template literal interpolates only
// the database name, fixed fragments, or values reviewed below as coming from code, never from
// outside: outside values (periods, ids, categories, msg_ids) must travel as {name:Type} query
// parameters. A new interpolation fails this test until someone reviews it and lists it here.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { record } from "./support/figures.ts";
import { OUT_DIR } from "./support/profile.ts";
import { sourceFiles } from "./support/source-files.ts";
import { templateLiterals } from "./support/template-literals.ts";

/** Upper-case SQL words and ClickHouse parameter placeholders: what makes a template SQL. */
const SQL = /\b(SELECT|INSERT|ALTER|CREATE|DROP|TRUNCATE|FROM|WHERE|AND|OR|GROUP BY|ORDER BY|JOIN|UNION)\b|countIf\(|\{\w+:[A-Z]/;

const RULES: { why: string; test: (expr: string) => boolean }[] = [
  { why: "the database name (a checked identifier: openStore/withDatabase refuse anything else)", test: (e) => /^(db|database|store\.database)$/.test(e) },
  { why: "a module constant: a fixed SQL fragment", test: (e) => /^[A-Z][A-Z0-9_]*$/.test(e) },
  { why: "within(): a time range over {name:DateTime64} parameters, column and parameter names fixed", test: (e) => /^within\("[a-z_]+"(, ("[a-z_]+"|from|to))*\)$/.test(e) },
  {
    why: "a fragment builder called only with literals, constants or the database name: its text is fixed",
    test: (e) => /^[A-Za-z_][\w.]*\(\s*(("[^"]*"|[A-Z][A-Z0-9_]*|db|database|store\.database)\s*(,\s*|(?=\))))*\)$/.test(e),
  },
];

/** Reviewed one by one: where each value comes from, and why no outside input can reach it. */
const REVIEWED: Record<string, Record<string, string>> = {
  "packages/reporting/src/explain-metrics.ts": {
    "ID_COLUMNS[view]": "cases(): the constant ID_COLUMNS indexed by view, typed keyof typeof ID_COLUMNS (only given literals)",
    'DISPUTE_TYPE_COUNTS[succeeded ? "succeeded" : "registered"]': "the constant DISPUTE_TYPE_COUNTS indexed by one of two literals; the dispute type of the metric's name goes in {key:String}",
    view: "cases(): parameter typed keyof typeof ID_COLUMNS (mediation_cases, litigation_cases, supervision_items), only given literals",
  },
  "packages/reporting/src/figure-conditions.ts": {
    kind: "MediationKind: one of the contract's four kinds (MEDIATION_KINDS), never a record's value",
    cases: "`${db}.litigation_cases`, built from the database name",
    condition: "values of the constant condition maps passed to countColumns",
    name: "keys of the constant condition maps (column aliases)",
  },
  "packages/reporting/src/litigation-figures.ts": {
    cases: "`${store.database}.litigation_cases`",
    "newCauseCondition(cases)": "fixed condition over the database's view",
  },
  "packages/reporting/src/mediation-figures.ts": {
    "countColumns({ ...MEDIATION_COUNTS, ...kinds, ...mediationReferralCounts(store.database) })":
      "countIf over the constant MEDIATION_COUNTS, one mediationKindCondition per contract kind (MEDIATION_KINDS, aliases kind_<index>) and mediationReferralCounts' two fixed conditions over the database's hotline_order_state and mediation_snapshots; period and street are {name:Type} parameters",
    cases: "`${store.database}.mediation_cases`, built from the checked database name",
  },
  "packages/reporting/src/monthly-series.ts": {
    timeColumn: "only called with the literals registered_at / filed_at",
    view: "only called with the literal view names",
    where: "only called with figure-conditions constants",
    "countColumns(counts)": "maps of figure-conditions constants",
  },
  "packages/reporting/src/sql-params.ts": {
    col: "within()'s column: literals at every call site",
    from: "within()'s parameter name: literals at every call site",
    to: "within()'s parameter name: literals at every call site",
  },
  "packages/store/src/client.ts": {
    target: "insertJsonLines: a table name that is a literal, an EVENT_TABLES/MSG_ID_TABLES value, or a file stage's temporary table (casepulse_<kind>_<random hex>)",
    columnList: "insertJsonLines' columns option (EVENT_COLUMNS, with n first for a stage), each name checked against IDENTIFIER before use",
    format: "the literal JSONEachRow or JSONCompactEachRow",
  },
  "packages/store/src/events.ts": {
    "MSG_ID_TABLES[feed]": "constant map indexed by the Feed union",
    table: "the database name and an EVENT_TABLES value",
    columns: "EVENT_COLUMNS, a constant list per feed",
    relation: "a file stage's temporary table name (casepulse_fresh_<random hex>)",
    "insertSettingsClause(dedupToken)": "the constant insert settings; the token, a batch id built from a random UUID, the feed and a counter, is checked against /^[\\w:.-]+$/ before use",
  },
  "packages/store/src/derived.ts": {
    column: "latest(): only called with literal column names",
    value: "latest() and latestWhere(): only called with literal column names, or toString() of one",
    carried: "latestWhere(): a literal condition over the events' columns (`<literal column> IS NOT NULL` from latest(), or event = '回访')",
    orders: "orderStateSelect(): the empty string, or its own condition on the orders with several events (see several)",
    'aggregated(` AND order_id IN (${several})`)': "orderStateSelect(): its own aggregating SELECT, made of GROUPED (a module constant), source, where and several (reviewed here)",
    several: "orderStateSelect(): its own SELECT of the orders with several events, made of source and where (reviewed here)",
    source: "orderStateSelect(): the database's events table or a file stage's temporary table name",
    where: "orderStateSelect(): a literal condition over the {orders:Array(String)} parameter, or \"1\"",
    select: "orderStateSelect()'s text: fixed (see source and where)",
    'orderStateSelect(relation, "1")': "orderStateSelect()'s text over a file stage's temporary table",
    "MSG_ID_TABLES[feed]": "constant map indexed by the Feed union",
    relation: "a file stage's temporary table name (casepulse_fresh_<random hex>)",
  },
  "packages/store/src/retention.ts": {
    days: "applyDlqRetention(): CASEPULSE_DLQ_RETENTION_DAYS as zod parsed it (an integer from 1 to 36500), checked again by Number.isInteger and >= 1 before use",
  },
  "packages/store/src/file-stage.ts": {
    "stage.lines": "the `lines` of openStage() spread into the file stage: temporary table name casepulse_lines_<random hex>; the slice file's path and first line are {path:String}, {first:UInt64}",
    blocks: "block sizes in rows: the SETTINGS fragment blockSettings() builds from integers it computes with Math.min/max/ceil from a row count (a slice's lines as fileSlices counted them)",
    lines: "temporary table name casepulse_lines_<random hex>",
    extracted: "temporary table name casepulse_extracted_<random hex>",
    accepted: "temporary table name casepulse_accepted_<random hex>",
    fresh: "temporary table name casepulse_fresh_<random hex>",
    table: "one of the temporary table names above",
    events: "the database name and an EVENT_TABLES value",
    "MSG_ID_TABLES[feed]": "constant map indexed by the Feed union",
    select: "an SQL accepter's step one (sql-accept.ts: built from the feed's constant field spec) over the temporary lines table",
    "rows(extracted)": "rowsSql over an SQL accepter's step two (constant field spec) over the temporary extracted table; the file's path and the HMAC pads are {name:String} parameters",
    where: "one of two fixed conditions over the temporary table names",
  },
  "packages/reporting/src/explain-hotline.ts": {
    best: "countedEvents(): \"argMax\" or \"argMin\", chosen by the pick parameter typed \"latest\" | \"earliest\"",
    time: "countedEvents(): \"max\" or \"min\", chosen by the pick parameter typed \"latest\" | \"earliest\"",
    event: "countedEvents()/ordersWith(): every call site passes a literal event (登记, 办结, 退回, 重启, 签收) or UNIT_EVENTS[count], a constant map indexed by a union-typed key",
    "countedEvents(db, event, pick)": "countedEvents()'s text: fixed over the database name (see event, best, time)",
    'typeof condition === "string" ? condition : condition(db)':
      "ordersWith()'s condition: a constant of figure-conditions.ts / hotline-conditions.ts, repeatCallerOrders(db), or a constant plus `unit|category|community = {key:String}`; the metric's key is bound as {key:String}",
    condition: "visits(): only given the constants HOTLINE_VISIT_COUNTS.visited / .satisfied",
    "UNIT_COUNTS[count]": "the constant UNIT_COUNTS indexed by count, typed \"closed_on_time\" | \"closed\" | \"orders\"; the unit of the metric's name goes in {key:String}",
    column: "hotlineKeyedQuery(): the literal \"category\" or \"community\" of a constant tuple; the entry's name goes in {key:String}",
  },
  "packages/reporting/src/explain-supervision.ts": {
    "SUPERVISION_ENTRY_COUNTS[count]": "the constant SUPERVISION_ENTRY_COUNTS indexed by count, typed keyof it and set only from literals; the entry (checked against SUPERVISION_ENTRY_NAMES) goes in {key:String}",
  },
  "packages/reporting/src/hotline-conditions.ts": {
    column: "latestBefore(): module-private, only called with the literal column names deadline, community, category, unit",
    value: "latestBefore(): the literal \"deadline\" or the default `toString(<literal column>)`",
  },
  "packages/reporting/src/hotline-pass.ts": {
    "CLOSE_DURATION.condition": "a property of the constant CLOSE_DURATION (hotline-conditions.ts): fixed conditions over {name:DateTime64} and {street:String} parameters",
    "CLOSE_DURATION.millis": "a property of the constant CLOSE_DURATION: fixed arithmetic over literal columns",
  },
  "packages/reporting/src/hotline-unit-figures.ts": {
    fingerprints: "repeatCallerFigures(): fixed text over the database name, CALLER_ORDERS_IN_P and REPEAT_CALLER_MIN_ORDERS (constants); period and street are parameters",
  },
  "packages/reporting/src/street-figures.ts": {
    "countColumns(conditions)": "countIf over the values of the constant GROUPED map (figure-conditions constants), aliased by its literal keys",
    view: "a key of the constant GROUPED map: mediation_cases, litigation_cases or supervision_items",
  },
  "packages/reporting/src/supervision-figures.ts": {
    items: "`${store.database}.supervision_items`, built from the checked database name",
  },
  "packages/reporting/src/visit-conditions.ts": {
    "VISIT_BY_STATE.visited": "a property of the constant VISIT_BY_STATE: within() and IN_SCOPE over {name:Type} parameters",
  },
  "packages/store/src/cluster.ts": {
    "onCluster(cluster)": "module-private; only called inside clusterStatements()/clusterBootstrap() (and their private helpers) after checkClusterName() required /^[A-Za-z_][A-Za-z0-9_]*$/ (CLICKHOUSE_CLUSTER is also checked so by the env schema)",
    cluster: "the cluster name, checked by checkClusterName() against /^[A-Za-z_][A-Za-z0-9_]*$/ before createTable() is reached",
    table: "a \\w+ table name captured from a migration statement (infra/clickhouse/migrations, the code's own files: loadMigrations' fixed MIGRATIONS_DIR)",
    local: "`${table}_local`: a \\w+ table name of a migration plus LOCAL_SUFFIX",
    columns: "the column list of a CREATE TABLE of the code's own migrations",
    "replicatedEngine(engine, args, \"/clickhouse/tables/{shard}/{database}/{table}\")": "Replicated<engine> over a literal path; the engine checked against /^\\w*MergeTree$/, its arguments from the code's own migration",
    'replicatedEngine("ReplacingMergeTree", undefined, "/clickhouse/tables/all/{database}/{table}")': "a fixed engine clause from literals",
    settings: "the rest of a CREATE TABLE of the code's own migrations, one setting name renamed",
    key: "SHARD_KEYS[table]: the constant map of the contracts' keys and literal column names; an unknown table throws",
    action: "alterTable(): the action of an ALTER TABLE of the code's own migrations",
    'action.replace(/\\s+TTL\\s[\\s\\S]*$/i, "")': "the same migration action without its TTL",
    view: "a \\w+ view name captured from a migration statement of the code's own files",
    target: "a \\w+ table name captured from a migration statement of the code's own files",
    fromLocal: "the SELECT of a materialized view of the code's own migrations, \\w+ table names given LOCAL_SUFFIX",
    t: "a \\w+ table name captured from a migration's SELECT",
    "m[1]": "a literal alternative of the statement regex: CREATE OR REPLACE VIEW / CREATE VIEW IF NOT EXISTS, or VIEW / TABLE",
    "m[2]": "a \\w+ view or table name captured from a migration statement of the code's own files",
  },
  "packages/store/src/read-only.ts": {
    "formatted.trimStart().split(/\\s/)[0]":
      "not SQL: the text of a NotReadOnlyError (its literal mentions SELECT) for the user who sent the statement; the first word of formatQueryOrNull's output (a keyword such as INSERT, DROP, SYSTEM), never sent to the engine",
  },
  "packages/normalize/src/rows-sql.ts": {
    phone: "canonicalPhone()/phoneHmac() are module-private and only given `key`, a field name of the feed's constant contract (CONTRACTS[feed].fields); the HMAC pads are {phone_inner:String}, {phone_outer:String}",
    "canonicalPhone(phone)": "fixed digit-canonicalising expression over a constant contract field name",
    key: "rowColumns(): a field name of the feed's constant contract (CONTRACTS[feed].fields), used as a column name",
    "spec.personal.column": "rowColumns(): the stored column name a personal field of the feed's constant contract declares",
    columns: "rowColumns(CONTRACTS[feed]): text built once per feed from the constant contract only",
    records: "an SQL accepter's step two (sql-accept.ts), text built from the feed's constant field spec",
  },
  "packages/feeds/src/sql-accept.ts": {
    holds: "ruleSql(): `c_<key> IS NOT NULL` or `c_<key> IN (...)` over a cross-field rule of the feed's constant contract (sqlAccepterFor is only called with CONTRACTS[feed]); the IN values are contract constants quoted by sqlString",
    'rule.keys.map((k) => `${column(k)} IS NOT NULL`).join(" AND ")': "ruleSql(): `c_<key> IS NOT NULL` for the keys of a cross-field rule of the feed's constant contract",
    g: "a column alias made of a field name of the feed's constant spec",
    iso: "a column alias made of a field name of the feed's constant spec",
    monthDays: "fixed arithmetic over column aliases",
    v: "a column alias f_<field name> of the feed's constant spec",
    "notBlank(v)": "a fixed regex match over a column alias",
    value: "a fixed expression over a column alias",
    parts: "a fixed splitByChar over a column alias",
    "list(field.values)": "the contract's enum values (model.ts constants), quoted by sqlString",
    name: "a field name of the feed's constant spec",
    'names.map((n) => `tupleElement(v, ${sqlString(n)}) AS f_${n}`).join(", ")': "the feed's constant field names",
    "`Tuple(${tuple})`": "the feed's constant field names, each Nullable(String)",
    source: "a file stage's temporary table name",
    known: "the feed's constant field names, quoted by sqlString",
    'names.map((n) => `${column(n)} AS ${n}`).join(", ")': "the feed's constant field names",
    '[...timestamps, ...names.map((n) => `${parts[n]!.value} AS ${column(n)}`)].join(",\\n          ")': "expressions built from the feed's constant field spec",
    extracted: "a file stage's temporary table name",
    'names.map((n) => parts[n]!.valid).join("\\n          AND ")': "conditions built from the feed's constant field spec",
    '["1", ...rules(column)].join(" AND ")': "the feed's cross-field rules: literal conditions over column aliases",
  },
};

describe("access: SQL carries outside values only as query parameters", () => {
  it("every interpolation in a SQL template literal is the database name, a fixed fragment or reviewed", ({ task }) => {
    const review: { file: string; line: number; expr: string; why: string | null }[] = [];
    let templates = 0;
    for (const file of sourceFiles()) {
      for (const t of templateLiterals(readFileSync(file, "utf8"))) {
        if (t.expressions.length === 0 || !SQL.test(t.text)) continue;
        templates += 1;
        for (const expr of t.expressions) {
          const why = RULES.find((r) => r.test(expr))?.why ?? REVIEWED[file]?.[expr] ?? null;
          review.push({ file, line: t.line, expr, why });
        }
      }
    }
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, "sql-interpolations.json"), JSON.stringify(review, null, 2));
    const unreviewed = review.filter((r) => r.why === null).map((r) => `${r.file}:${r.line} \${${r.expr}}`);
    record(task, {
      area: "access",
      scenario: "SQL built from template literals (packages/*/src, services/*/src)",
      figures: {
        "SQL templates": templates,
        interpolations: review.length,
        "database name": review.filter((r) => r.why === RULES[0]!.why).length,
        "fixed fragments": review.filter((r) => r.why && r.why !== RULES[0]!.why).length,
        unreviewed: unreviewed.length,
      },
    });
    // The scan must see the store's queries at all, or it proves nothing.
    expect(review.some((r) => r.file === "packages/store/src/rejected.ts")).toBe(true);
    expect(unreviewed, "interpolations to review (outside values belong in {name:Type} parameters)").toEqual([]);
  });
});
