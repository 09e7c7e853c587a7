// The human-readable summary: each figure, what it was compared with, its target.
import type { BenchSummary } from "./summary.ts";

const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));

export function renderTable(s: BenchSummary): string {
  const { machine: m, details: d } = s;
  const rows: [string, string, string, string][] = [];
  const add = (name: string, value: string, detail: string, target: string) => rows.push([name, value, detail, target]);
  if (d.ingest) {
    add("file ingest ratio", fmt(s.ingest_ratio, 3), `${fmt(d.ingest.cli_records_per_s)} vs raw ${fmt(d.ingest.raw_records_per_s)} records/s (${d.ingest.records} lines, the generator's export)`, ">= 0.25");
  }
  if (d.new_orders) {
    add("file ingest ratio, new orders", fmt(s.new_orders_ingest_ratio, 3), `${fmt(d.new_orders.cli_records_per_s)} vs raw ${fmt(d.new_orders.raw_records_per_s)} records/s (${d.new_orders.records} 登记 lines of one month, phone and text on each)`, ">= 0.25");
  }
  for (const p of d.growth?.sizes ?? []) {
    const detail = `${(p.wall_ms / 1000).toFixed(1)} s, ${fmt(p.records_per_s)} records/s; anonymous ${fmt(p.peak_anon_mb)} MB, mapped files ${fmt(p.peak_file_mb)} MB (${d.growth!.rss_source})`;
    add(`ingest peak RSS MB, ${p.lines} lines`, fmt(p.peak_rss_mb), detail, "<= 512");
  }
  if (d.csv) {
    add("CSV ingest ratio", fmt(s.csv_ratio, 3), `${fmt(d.csv.csv_records_per_s)} vs JSON lines ${fmt(d.csv.jsonl_records_per_s)} records/s (${d.csv.records} records; CSV peak RSS ${fmt(d.csv.csv_peak_rss_mb)} MB)`, ">= 0.5");
  }
  if (d.stream) {
    add("stream ratio", fmt(s.stream_ratio, 3), `${fmt(d.stream.pipeline_per_s)} vs kafkajs ${fmt(d.stream.baseline_per_s)} events/s (${d.stream.events} events; produce ${fmt(d.stream.produce_per_s)}/s)`, ">= 0.5");
    add("p99 latency ms", fmt(s.p99_latency_ms), `p50 ${fmt(d.stream.p50_ms)} ms at ${d.stream.latency_rate}/s (${d.stream.latency_events} events)`, "<= 2000");
    add("p99 latency ms, busy neighbour", fmt(s.p99_latency_busy_ms), `p50 ${fmt(d.stream.p50_busy_ms)} ms, the same with a busy loop on one core beside it`, "<= 2000");
    add("peak RSS MB", fmt(s.peak_rss_mb), `pipeline process (VmHWM), whole stream run (both latency rounds); anonymous ${fmt(d.stream.peak_anon_mb)} MB, the engine's allocations ${fmt(d.stream.peak_engine_mb)} MB; anonymous/engine MB/jobs per batch by phase: ${d.stream.phases}`, "<= 512");
  }
  if (d.reports) {
    add("annual report ms", fmt(s.annual_report_ms), `buildReport 2024 over ${d.reports.events} events`, "<= 2000");
    add("monthly report ms", fmt(s.monthly_report_ms), "buildReport 2024-06", "<= 500");
    add("annual report ms, one street", fmt(d.reports.annual_street_ms), "buildReport 2024 --street (one of the district's three)", "<= 2000");
    add("monthly report ms, one street", fmt(d.reports.monthly_street_ms), "buildReport 2024-06 --street", "<= 500");
    const forwarded = "the same report forwarded: asked of a running casepulse start (loopback /query, JSON)";
    add("annual report ms, forwarded", fmt(d.reports.annual_forwarded_ms), forwarded, "<= 2000");
    add("monthly report ms, forwarded", fmt(d.reports.monthly_forwarded_ms), forwarded, "<= 500");
    const live = "the district's report on a store being written: one order in 1,000 (2,000 at 10M events) in a part of recent batches beside the merged parts";
    add("annual report ms, store being written", fmt(d.reports.annual_live_ms), live, "<= 2000");
    add("monthly report ms, store being written", fmt(d.reports.monthly_live_ms), live, "<= 500");
    // How report time grows with the store: the targets hold at 10M events (issue #14), the other sizes show the growth.
    for (const g of d.reports.growth.filter((g) => g.events !== d.reports!.events)) {
      const growth = `the same reports over ${g.events} events (how cost grows; the targets are at ${d.reports.events})`;
      add(`annual report ms, ${g.events} events`, fmt(g.annual_ms), growth, "-");
      add(`monthly report ms, ${g.events} events`, fmt(g.monthly_ms), growth, "-");
    }
  }
  const head: [string, string, string, string] = ["figure", "median", "measured against", "target"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    `casepulse bench${s.smoke ? " (smoke: small sizes, one run)" : ""}: median of ${s.runs} run(s)`,
    `machine: ${m.cores} cores, ${m.memory_gb} GiB, node ${m.node}, ClickHouse ${m.clickhouse}`,
    "",
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}
