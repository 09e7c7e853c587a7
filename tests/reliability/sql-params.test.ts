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
    event: "parameter typed \"登记\" | \"办结\", only given literals",
    condition: "figure conditions of figure-conditions.ts; the metric's key goes in {key:String}",
    view: "parameter typed \"mediation_cases\" | \"litigation_cases\"",
    "condition(`${db}.${view}`)": "a figure condition over the database's view",
  },
  "packages/reporting/src/figure-conditions.ts": {
    kind: "MediationKind: one of the contract's four kinds (MEDIATION_KINDS), never a record's value",
    cases: "`${db}.litigation_cases`, built from the database name",
    condition: "values of the constant condition maps passed to countColumns",
    name: "keys of the constant condition maps (column aliases)",
  },
  "packages/reporting/src/hotline-figures.ts": {
    column: "parameter typed \"category\" | \"community\", only given literals",
  },
  "packages/reporting/src/litigation-figures.ts": {
    cases: "`${store.database}.litigation_cases`",
    "newCauseCondition(cases)": "fixed condition over the database's view",
  },
  "packages/reporting/src/mediation-figures.ts": {
    "countColumns({ ...MEDIATION_COUNTS, ...kinds })": "constant map plus one condition per contract kind (MEDIATION_KINDS)",
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
    value: "latest(): only called with literal column names",
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
  "packages/normalize/src/rows-sql.ts": {
    records: "an SQL accepter's step two (sql-accept.ts), text built from the feed's constant field spec",
  },
  "packages/feeds/src/sql-accept.ts": {
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
