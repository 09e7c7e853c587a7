// What `casepulse explain` does; its definition (commands/explain.ts) loads this when it runs.
import { metricQuery, UnknownMetricError, type Explanation } from "@casepulse/reporting";
import type { ExplainOptions } from "../commands/explain.ts";
import { withReader } from "../reading/with-reader.ts";
import { UsageError } from "../usage-error.ts";
import { checkPeriod, figureOptions } from "./report.ts";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An ISO UTC time as Shanghai wall-clock time, how the reports cut periods. */
function shanghai(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

function formatText(e: Explanation, street: string | null): string {
  const head = `${e.metric} ${e.period}${street === null ? "" : ` ${street}`}: ${e.count} record${e.count === 1 ? "" : "s"}`;
  const rows = e.records.map((r) => `${r.id}\t${r.msg_id}\t${shanghai(r.at)}`);
  return [head, ...(rows.length ? ["id\tmsg_id\ttime (Asia/Shanghai)", ...rows] : [])].join("\n") + "\n";
}

export async function explain(opts: ExplainOptions): Promise<void> {
  const period = checkPeriod(opts.period);
  try {
    metricQuery(opts.metric); // refuse an unknown name before opening the store
  } catch (err) {
    if (err instanceof UnknownMetricError) throw new UsageError(`--metric: ${err.message}`);
    throw err;
  }
  const options = figureOptions(opts.street);
  const explanation = await withReader((reader) => reader.explain({ period, metric: opts.metric, options }));
  // A long list piped into head: stop quietly when the reader has gone.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  process.stdout.write(opts.json ? `${JSON.stringify(explanation)}\n` : formatText(explanation, options.street ?? null));
}
