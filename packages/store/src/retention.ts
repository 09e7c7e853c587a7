// How long dead letters keep their sealed copy: a column TTL on rejected_events.sealed
// (migration 009 sets the default), moved to CASEPULSE_DLQ_RETENTION_DAYS whenever a command
// starts with another value. Only the personal data goes: the letter's row stays.
import type { Store } from "./client.ts";

const TTL = /\bTTL toDateTime\(received_at\) \+ toIntervalDay\((\d+)\)/;

/** The retention in days the table applies now, or null when `sealed` has no TTL. */
export async function dlqRetentionDays(store: Store): Promise<number | null> {
  const [row] = await store.query<{ statement: string }>(
    "SELECT create_table_query AS statement FROM system.tables WHERE database = {db:String} AND name = 'rejected_events'",
    { db: store.database },
  );
  if (!row) throw new Error(`${store.database}.rejected_events does not exist: run the migrations first`);
  const from = row.statement.indexOf("`sealed`");
  const to = row.statement.indexOf(", `", from);
  const match = TTL.exec(row.statement.slice(from, to < 0 ? undefined : to));
  return match ? Number(match[1]) : null;
}

/**
 * Sets the retention to `days` unless the table has it already (a change rewrites the parts'
 * TTL information, so it is not repeated on every start). Returns whether it changed.
 */
export async function applyDlqRetention(store: Store, days: number): Promise<boolean> {
  if (!Number.isInteger(days) || days < 1) throw new Error(`dead-letter retention must be a whole number of days, at least 1 (got ${days})`);
  if ((await dlqRetentionDays(store)) === days) return false;
  // `days` is a checked integer, not outside text.
  await store.command(`ALTER TABLE ${store.database}.rejected_events MODIFY COLUMN sealed String TTL toDateTime(received_at) + INTERVAL ${days} DAY`);
  return true;
}
