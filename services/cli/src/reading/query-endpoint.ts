// POST /query of a running `casepulse start` that holds the embedded folder: the read-only
// commands of other processes, answered by localReader on this process's own store. Only what
// those commands read is offered (a checked read-only statement, a report, an explanation, the
// dead-letter list): no request can write.
import { streetNameProblem } from "@casepulse/config";
import { isFeed } from "@casepulse/feeds/model";
import { privateRoute, type Reply, type Route } from "@casepulse/ops";
import { PeriodError, UnknownMetricError } from "@casepulse/reporting";
import { NotReadOnlyError, READ_FORMATS, StoreError, type ReadFormat, type Store } from "@casepulse/store";
import { UsageError } from "../usage-error.ts";
import { localReader, type Reader } from "./reader.ts";
import type { ErrorBody } from "./remote-reader.ts";

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, name: string): string => {
  if (typeof v !== "string") throw new UsageError(`request: ${name} must be a string`);
  return v;
};
const object = (v: unknown, name: string): Fields => {
  if (!isObject(v)) throw new UsageError(`request: ${name} must be an object`);
  return v;
};
const optionalNumber = (v: unknown, name: string): number | undefined => {
  if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) throw new UsageError(`request: ${name} must be a number`);
  return v as number | undefined;
};
const optionalText = (v: unknown, name: string): string | undefined => (v === undefined ? undefined : text(v, name));
const street = (v: unknown): string | null => {
  const name = v === null ? null : optionalText(v, "options.street") ?? null;
  const problem = name === null ? null : streetNameProblem(name);
  if (problem) throw new UsageError(`request: options.street ${problem}`);
  return name;
};
/** How the asking command counts (its configuration) and the street it asks for (null: every street). */
function figureOptions(v: unknown) {
  const o = object(v ?? {}, "options");
  return {
    acceptHours: optionalNumber(o.acceptHours, "options.acceptHours"),
    defaultStreet: optionalText(o.defaultStreet, "options.defaultStreet"),
    street: street(o.street),
  };
}

function stringMap(v: unknown, name: string): Record<string, string> {
  const fields = object(v, name);
  for (const [key, value] of Object.entries(fields)) text(value, `${name}.${key}`);
  return fields as Record<string, string>;
}

/** Checks the request as the commands send it and asks the reader. */
async function answer(reader: Reader, r: Fields): Promise<Reply> {
  switch (r.op) {
    case "sql": {
      const format = text(r.format, "format");
      if (!(READ_FORMATS as readonly string[]).includes(format)) throw new UsageError(`request: format must be one of ${READ_FORMATS.join(", ")}`);
      return { status: 200, text: await reader.sql(text(r.sql, "sql"), stringMap(r.params ?? {}, "params"), format as ReadFormat) };
    }
    case "report":
      return { status: 200, json: await reader.report({ period: text(r.period, "period"), options: figureOptions(r.options), series: r.series === true }) };
    case "explain":
      return { status: 200, json: await reader.explain({ period: text(r.period, "period"), metric: text(r.metric, "metric"), options: figureOptions(r.options) }) };
    case "dlq-list": {
      const feed = r.feed === undefined ? undefined : text(r.feed, "feed");
      if (feed !== undefined && !isFeed(feed)) throw new UsageError(`request: unknown feed ${feed}`);
      if (r.status !== "pending" && r.status !== "replayed") throw new UsageError("request: status must be pending or replayed");
      const limit = r.limit;
      if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) throw new UsageError("request: limit must be a positive integer");
      return { status: 200, json: await reader.dlqList({ feed, status: r.status, limit }) };
    }
    default:
      throw new UsageError(`request: unknown op ${JSON.stringify(r.op)} (sql, report, explain or dlq-list)`);
  }
}

/** A failure as the asking command reports it: the same class, so the same message and exit code. */
function refusal(err: unknown): Reply {
  const e = err instanceof Error ? err : new Error(String(err));
  const body = (name: string, message = e.message, retryable?: boolean): ErrorBody => ({ error: { name, message, ...(retryable === undefined ? {} : { retryable }) } });
  if (e instanceof NotReadOnlyError) return { status: 400, json: body("NotReadOnlyError") };
  if (e instanceof UsageError) return { status: 400, json: body("UsageError") };
  if (e instanceof PeriodError) return { status: 400, json: body("UsageError", `--period: ${e.message}`) };
  if (e instanceof UnknownMetricError) return { status: 400, json: body("UsageError", `--metric: ${e.message}`) };
  if (e instanceof StoreError) return { status: 500, json: body("StoreError", e.message, e.retryable) };
  return { status: 500, json: body(e.name) };
}

export function queryRoute(store: Store, token: string): Route {
  return privateRoute(token, async (request) => {
    try {
      if (!isObject(request)) throw new UsageError("request: must be a JSON object");
      // The asking command's CASEPULSE_DB: another database of the same folder is read as it would be.
      const database = text(request.database, "database");
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new UsageError(`request: invalid database name ${JSON.stringify(database)}`);
      return await answer(localReader(database === store.database ? store : store.withDatabase(database)), request);
    } catch (err) {
      return refusal(err);
    }
  });
}
