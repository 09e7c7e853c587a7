// The published reports of each period and scope (migration 008): what a later report of the same
// period compares itself with (REPORT.md `published`). Every publication is kept; the latest counts.
import type { Store } from "./client.ts";
import { chTime } from "./time.ts";

/** A report's scope as stored: the street, '' for the whole deployment. */
const scopeKey = (street: string | null) => street ?? "";

export interface Publication {
  /** When it was published, epoch milliseconds. */
  at: number;
  /** The report object as it was published. */
  report: unknown;
}

export async function publishReport(store: Store, period: string, street: string | null, report: object, at = Date.now()): Promise<void> {
  await store.insert("published_reports", [{ period, street: scopeKey(street), published_at: chTime(at), report: JSON.stringify(report) }]);
}

/** The latest publication of this period and scope, or null when none was made. */
export async function latestPublication(store: Store, period: string, street: string | null): Promise<Publication | null> {
  const [row] = await store.query<{ at: string; report: string }>(
    `SELECT toString(published_at) AS at, report FROM ${store.database}.published_reports
     WHERE period = {period:String} AND street = {street:String}
     ORDER BY published_at DESC LIMIT 1`,
    { period, street: scopeKey(street) },
  );
  if (row === undefined) return null;
  return { at: Date.parse(`${row.at.replace(" ", "T")}Z`), report: JSON.parse(row.report) as unknown };
}
