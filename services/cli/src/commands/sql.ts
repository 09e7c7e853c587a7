// Analysts' SQL on the configured store (embedded by default), read-only.
import { Command, Option } from "commander";

export const SQL_FORMATS = ["pretty", "csv", "tsv", "json", "xlsx"] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

export interface SqlOptions {
  file?: string;
  param: string[];
  format?: SqlFormat;
  out?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const sqlCommand = new Command("sql")
  .description("run one read-only query (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) on the store and print its rows")
  .argument("[query]", "the query; or --file")
  .option("--file <q.sql>", "read the query from this file")
  .option("--param <name=value>", "a query parameter, used in the query as {name:Type} (repeatable)", collect, [])
  .addOption(new Option("--format <format>", "pretty (the default on a terminal), csv, tsv (the default otherwise), json (one object per line) or xlsx").choices(SQL_FORMATS))
  .option("--out <file>", "write to this file instead of standard output (needed for xlsx)")
  .addOption(new Option("--json", "the same as --format json: one JSON object per row").conflicts("format"))
  .action(async (query: string | undefined, opts: SqlOptions) => (await import("../actions/sql.ts")).sql(query, opts.json ? { ...opts, format: "json" } : opts));
