// Reports: buildReport over a store of >= 10M hotline events, annual and monthly, directly and
// forwarded (asked of the query endpoint of a running `casepulse start`).
import { join } from "node:path";
import { lastJson, runScript } from "./child.ts";
import { median } from "./stats.ts";
import { cacheDir, ROOT } from "./workdir.ts";

export interface ReportsResult {
  events: number;
  annual_ms: number;
  monthly_ms: number;
  /** The same periods' reports of one street (report --street) of the district. */
  annual_street_ms: number;
  monthly_street_ms: number;
  annual_forwarded_ms: number;
  monthly_forwarded_ms: number;
}

export async function benchReports(events: number, runs: number, log: (m: string) => void): Promise<ReportsResult> {
  const dir = cacheDir(`reports-${events}`);
  const child = runScript(join(ROOT, "bench/reports-child.ts"), [dir, String(events), String(runs)], {});
  const r = await child;
  if (r.stderr.trim()) log(r.stderr.trim());
  const out = lastJson<{ events: number; year: number[]; month: number[]; street_year: number[]; street_month: number[]; forwarded_year: number[]; forwarded_month: number[] }>(r.stdout);
  const list = (ts: number[]) => ts.map((t) => t.toFixed(0)).join(", ");
  log(
    `reports: annual ${list(out.year)} ms (one street ${list(out.street_year)}, forwarded ${list(out.forwarded_year)}); monthly ${list(out.month)} ms (one street ${list(out.street_month)}, forwarded ${list(out.forwarded_month)})`,
  );
  return {
    events: out.events,
    annual_ms: median(out.year),
    monthly_ms: median(out.month),
    annual_street_ms: median(out.street_year),
    monthly_street_ms: median(out.street_month),
    annual_forwarded_ms: median(out.forwarded_year),
    monthly_forwarded_ms: median(out.forwarded_month),
  };
}
