import type { CsvIngestResult } from "./csv-ingest.ts";
import type { FileIngestResult } from "./file-ingest.ts";
import type { IngestGrowthResult } from "./ingest-growth.ts";
import type { MachineFacts } from "./machine.ts";
import type { ReportsResult } from "./reports.ts";
import type { StreamResult } from "./stream.ts";

/** What `pnpm bench --json` prints: the headline figures, then how they were made. */
export interface BenchSummary {
  /** The generator's hotline export (details.ingest). */
  ingest_ratio: number | null;
  /** The monthly export of new orders with phones and text (details.new_orders). */
  new_orders_ingest_ratio: number | null;
  /** The largest peak RSS of `casepulse ingest` over the growth sizes (details.growth). */
  ingest_peak_rss_mb: number | null;
  /** CSV records/s over the same records' JSON lines records/s (csv-ingest.ts). */
  csv_ratio: number | null;
  stream_ratio: number | null;
  p99_latency_ms: number | null;
  /** The same with a busy loop on one core beside the pipeline. */
  p99_latency_busy_ms: number | null;
  annual_report_ms: number | null;
  monthly_report_ms: number | null;
  peak_rss_mb: number | null;
  smoke: boolean;
  runs: number;
  machine: MachineFacts;
  details: {
    ingest?: FileIngestResult;
    new_orders?: FileIngestResult;
    growth?: IngestGrowthResult;
    csv?: CsvIngestResult;
    stream?: StreamResult;
    reports?: ReportsResult;
  };
}
