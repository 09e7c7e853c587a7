// What the read-only commands (sql, report, explain, dlq list) ask of the store, one interface for
// both ways of answering: this process on the store it opened, or the running `casepulse start`
// that holds the embedded folder (remote-reader.ts), which answers with this very code on its own
// store (query-endpoint.ts). Either way the command renders the same answer the same way.
import type { Feed } from "@casepulse/feeds";
import { buildReport, explainMetric, monthlySeries, parsePeriod, type ExplainOptions, type Explanation, type MonthlySeries, type Report, type ReportOptions } from "@casepulse/reporting";
import { countRejected, listRejected, readOnlyQuery, type ReadFormat, type Store } from "@casepulse/store";

export interface ReportRequest {
  period: string;
  /** How the figures are counted (CASEPULSE_ACCEPT_HOURS, CASEPULSE_DEFAULT_STREET) and the report's street: the asking command's. */
  options: ReportOptions;
  /** The monthly series too (the HTML page's trend charts). */
  series: boolean;
}

export interface BuiltReport {
  report: Report;
  series?: MonthlySeries;
}

export interface ExplainRequest {
  period: string;
  metric: string;
  options: ExplainOptions;
}

export interface DlqListRequest {
  feed?: Feed | undefined;
  status: "pending" | "replayed";
  limit: number;
}

/** A dead letter as `dlq list` shows it: no sealed copy. */
export interface ShownLetter {
  id: string;
  feed: string;
  source: string;
  received_at: string;
  reason: string;
  msg_id: string | null;
  preview: string | null;
}

export interface DlqListing {
  rows: ShownLetter[];
  /** All the letters of the filter, of which `rows` are the first `limit`. */
  total: number;
}

export interface Reader {
  /** A checked read-only statement's result, as text chunks of whole lines. */
  sql(sql: string, params: Record<string, string>, format: ReadFormat): Promise<AsyncIterable<string>>;
  report(request: ReportRequest): Promise<BuiltReport>;
  explain(request: ExplainRequest): Promise<Explanation>;
  dlqList(request: DlqListRequest): Promise<DlqListing>;
}

export function localReader(store: Store): Reader {
  return {
    sql: (sql, params, format) => readOnlyQuery(store, sql, params, format),
    async report({ period, options, series }) {
      const report = await buildReport(store, period, options);
      return series ? { report, series: await monthlySeries(store, parsePeriod(period), options) } : { report };
    },
    explain: ({ period, metric, options }) => explainMetric(store, period, metric, options),
    async dlqList({ feed, status, limit }) {
      const rows = await listRejected(store, { feed, status, limit });
      const shown = rows.map(({ id, feed, source, received_at, reason, msg_id, preview }) => ({ id, feed, source, received_at, reason, msg_id, preview }));
      return { rows: shown, total: await countRejected(store, { feed, status }) };
    },
  };
}
