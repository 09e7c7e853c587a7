import type { CsvIngestResult } from "./csv-ingest.ts";
import type { FileIngestResult } from "./file-ingest.ts";
import type { MachineFacts } from "./machine.ts";
import type { ReportsResult } from "./reports.ts";
import type { StreamResult } from "./stream.ts";

/** What `pnpm bench --json` prints: the six headline figures, then how they were made. */
export interface BenchSummary {
  ingest_ratio: number | null;
  /** CSV records/s over the same records' JSON lines records/s (csv-ingest.ts). */
  csv_ratio: number | null;
  stream_ratio: number | null;
  p99_latency_ms: number | null;
  annual_report_ms: number | null;
  monthly_report_ms: number | null;
  peak_rss_mb: number | null;
  smoke: boolean;
  runs: number;
  machine: MachineFacts;
  details: { ingest?: FileIngestResult; csv?: CsvIngestResult; stream?: StreamResult; reports?: ReportsResult };
}
