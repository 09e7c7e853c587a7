// quality: every reading of every feed, all time.
import type { Store } from "@casepulse/store";
import type { Quality } from "./report-types.ts";

export async function qualityFigures(store: Store): Promise<Quality> {
  const db = store.database;
  const [q] = await store.query<Record<string, number>>(
    `SELECT
       (SELECT sum(received) FROM ${db}.ingest_batches FINAL) AS received,
       (SELECT sum(rejected) FROM ${db}.ingest_batches FINAL) AS rejected,
       (SELECT uniqExact(msg_id) FROM ${db}.hotline_events)
         + (SELECT uniqExact(msg_id) FROM ${db}.mediation_snapshots)
         + (SELECT uniqExact(msg_id) FROM ${db}.litigation_snapshots) AS accepted`,
  );
  const received = Number(q!.received);
  const rejected = Number(q!.rejected);
  const accepted = Number(q!.accepted);
  return { received, accepted, duplicates: received - rejected - accepted, rejected };
}
