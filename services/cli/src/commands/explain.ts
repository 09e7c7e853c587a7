import { Command } from "commander";
import { explainMetric, metricQuery, UnknownMetricError, type Explanation } from "@casepulse/reporting";
import { withContext } from "../context.ts";
import { UsageError } from "../usage-error.ts";
import { checkPeriod } from "./report.ts";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An ISO UTC time as Shanghai wall-clock time, how the reports cut periods. */
function shanghai(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

function formatText(e: Explanation): string {
  const head = `${e.metric} ${e.period}: ${e.count} record${e.count === 1 ? "" : "s"}`;
  const rows = e.records.map((r) => `${r.id}\t${r.msg_id}\t${shanghai(r.at)}`);
  return [head, ...(rows.length ? ["id\tmsg_id\ttime (Asia/Shanghai)", ...rows] : [])].join("\n") + "\n";
}

export const explainCommand = new Command("explain")
  .description("list the records (order or case ids, with the event or snapshot that counted) behind a count of the report")
  .requiredOption("--period <YYYY|YYYY-MM>", "the report's period")
  .requiredOption("--metric <name>", "a count's JSON path: hotline.orders, hotline.by_community:湾厦社区, mediation.by_kind.人民调解, litigation.causes:信息公开, …")
  .option("--json", "print {period, metric, count, records} as JSON")
  .action(async (opts: { period: string; metric: string; json?: boolean }) => {
    const period = checkPeriod(opts.period);
    try {
      metricQuery(opts.metric); // refuse an unknown name before opening the store
    } catch (err) {
      if (err instanceof UnknownMetricError) throw new UsageError(`--metric: ${err.message}`);
      throw err;
    }
    const explanation = await withContext((ctx) => explainMetric(ctx.store, period, opts.metric));
    // A long list piped into head: stop quietly when the reader has gone.
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(0);
      throw err;
    });
    process.stdout.write(opts.json ? `${JSON.stringify(explanation)}\n` : formatText(explanation));
  });
