// Reports: buildReport over a store of >= 10M hotline events, annual and monthly.
import { join } from "node:path";
import { lastJson, runScript } from "./child.ts";
import { median } from "./stats.ts";
import { cacheDir, ROOT } from "./workdir.ts";

export interface ReportsResult {
  events: number;
  annual_ms: number;
  monthly_ms: number;
}

export async function benchReports(events: number, runs: number, log: (m: string) => void): Promise<ReportsResult> {
  const dir = cacheDir(`reports-${events}`);
  const child = runScript(join(ROOT, "bench/reports-child.ts"), [dir, String(events), String(runs)], {});
  const r = await child;
  if (r.stderr.trim()) log(r.stderr.trim());
  const out = lastJson<{ events: number; year: number[]; month: number[] }>(r.stdout);
  log(`reports: annual ${out.year.map((t) => t.toFixed(0)).join(", ")} ms; monthly ${out.month.map((t) => t.toFixed(0)).join(", ")} ms`);
  return { events: out.events, annual_ms: median(out.year), monthly_ms: median(out.month) };
}
