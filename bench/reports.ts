// Reports: buildReport over a store of >= 10M hotline events, annual and monthly, directly and
// forwarded (asked of the query endpoint of a running `casepulse start`); and the same periods'
// reports over stores of other sizes, to show how report time grows with the store.
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
  /** The district's reports on the store as a stream leaves it: a part of recent batches' orders beside the merged ones. */
  annual_live_ms: number;
  monthly_live_ms: number;
  /** Annual and monthly report times by store size, smallest first (the main size among them). */
  growth: { events: number; annual_ms: number; monthly_ms: number }[];
}

interface ChildOut {
  events: number;
  year: number[];
  month: number[];
  street_year: number[];
  street_month: number[];
  forwarded_year: number[];
  forwarded_month: number[];
  live_year: number[];
  live_month: number[];
}

/** One store size's child: every kind of build, or (`direct`) only the district's own. */
async function measure(events: number, runs: number, builds: "all" | "direct", log: (m: string) => void): Promise<ChildOut> {
  const dir = cacheDir(`reports-${events}`);
  const r = await runScript(join(ROOT, "bench/reports-child.ts"), [dir, String(events), String(runs), builds], {});
  if (r.stderr.trim()) log(r.stderr.trim());
  return lastJson<ChildOut>(r.stdout);
}

export async function benchReports(events: number, growth: readonly number[], runs: number, log: (m: string) => void): Promise<ReportsResult> {
  const list = (ts: number[]) => ts.map((t) => t.toFixed(0)).join(", ");
  const out = await measure(events, runs, "all", log);
  const sizes = [out];
  for (const size of growth) {
    const other = await measure(size, runs, "direct", log);
    log(`reports over ${other.events} events: annual ${list(other.year)} ms, monthly ${list(other.month)} ms`);
    sizes.push(other);
  }
  log(
    `reports: annual ${list(out.year)} ms (one street ${list(out.street_year)}, forwarded ${list(out.forwarded_year)}); monthly ${list(out.month)} ms (one street ${list(out.street_month)}, forwarded ${list(out.forwarded_month)}); on a store being written: annual ${list(out.live_year)} ms, monthly ${list(out.live_month)} ms`,
  );
  return {
    events: out.events,
    annual_ms: median(out.year),
    monthly_ms: median(out.month),
    annual_street_ms: median(out.street_year),
    monthly_street_ms: median(out.street_month),
    annual_forwarded_ms: median(out.forwarded_year),
    monthly_forwarded_ms: median(out.forwarded_month),
    annual_live_ms: median(out.live_year),
    monthly_live_ms: median(out.live_month),
    growth: sizes
      .map((o) => ({ events: o.events, annual_ms: median(o.year), monthly_ms: median(o.month) }))
      .sort((a, b) => a.events - b.events),
  };
}
