// The records behind one count of the report, found in ClickHouse with the figure's own condition.
import type { Store } from "@casepulse/store";
import { metricQuery } from "./explain-metrics.ts";
import { parsePeriod } from "./period.ts";
import { periodParams, type ScopeOptions } from "./sql-params.ts";

export interface ExplainedRecord {
  /** order_id, case_id or item_id (for quality.rejected: the dead letter's id). */
  id: string;
  /** The event or snapshot that counted. */
  msg_id: string;
  /** Its time (event_time, updated_at, or received_at), ISO 8601 UTC. */
  at: string;
}

export interface Explanation {
  period: string;
  metric: string;
  count: number;
  records: ExplainedRecord[];
}

export interface ExplainOptions extends ScopeOptions {
  acceptHours?: number | undefined;
}

/**
 * Throws UnknownMetricError for a name that is not a count of the report. `acceptHours` must be
 * the report's (CASEPULSE_ACCEPT_HOURS) for hotline.accepted_in_time to list its records, and
 * `street` / `defaultStreet` its scope (the records of `report --street`), as buildReport takes them.
 */
export async function explainMetric(store: Store, periodText: string, metric: string, options: ExplainOptions = {}): Promise<Explanation> {
  const query = metricQuery(metric);
  const period = parsePeriod(periodText);
  const params = { ...periodParams(period, options.acceptHours, options), ...(query.key === undefined ? {} : { key: query.key }) };
  const rows = await store.query<{ id: string; msg_id: string; at: string }>(query.sql(store.database), params);
  const records = rows.map((r) => ({ id: r.id, msg_id: r.msg_id, at: `${r.at.replace(" ", "T")}Z` }));
  return { period: period.label, metric, count: records.length, records };
}
