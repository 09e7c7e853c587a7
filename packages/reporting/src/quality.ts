// quality: every reading of every feed, all time. Distinct stored msg_ids are counted in the
// msg_id tables (migration 005, sorted by msg_id): a FINAL count there reads one narrow sorted
// column instead of hashing every msg_id of the event tables.
import type { Store } from "@casepulse/store";
import type { Quality } from "./report-types.ts";

export async function qualityFigures(store: Store): Promise<Quality> {
  const db = store.database;
  const [q] = await store.query<Record<string, number>>(
    `SELECT
       (SELECT sum(received) FROM ${db}.ingest_batches FINAL) AS received,
       (SELECT sum(rejected) FROM ${db}.ingest_batches FINAL) AS rejected,
       (SELECT count() FROM ${db}.hotline_msg_ids FINAL)
         + (SELECT count() FROM ${db}.mediation_msg_ids FINAL)
         + (SELECT count() FROM ${db}.litigation_msg_ids FINAL)
         + (SELECT count() FROM ${db}.supervision_msg_ids FINAL) AS accepted`,
  );
  const received = Number(q!.received);
  const rejected = Number(q!.rejected);
  const accepted = Number(q!.accepted);
  return { received, accepted, duplicates: received - rejected - accepted, rejected };
}
