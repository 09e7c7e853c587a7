// Step one of every path (file or stream): each raw record becomes a storable row or a
// dead-letter entry with its reason. Nothing is dropped.
import { FEED_KEYS, PERSONAL_KEYS, validateRecord, type Feed } from "@casepulse/feeds";
import { redactedPreview, toRow, type FeedRowMap, type PiiProtector } from "@casepulse/normalize";
import { encodeEvents, type EncodedEvents, type RejectedRecord } from "@casepulse/store";

export interface RawRecord {
  /** The record's bytes (a JSONL line without its line ending, or a Kafka message value). */
  value: Uint8Array | string;
  /** Where it came from: file:<name>:<line> or kafka:<topic>:<partition>:<offset>. */
  source: string;
}

export interface Classified<F extends Feed> {
  rows: FeedRowMap[F][];
  rejected: RejectedRecord[];
}

export function classifyRecords<F extends Feed>(
  feed: F,
  records: readonly RawRecord[],
  pii: PiiProtector,
  receivedAt = Date.now(),
): Classified<F> {
  const rows: FeedRowMap[F][] = [];
  const rejected: RejectedRecord[] = [];
  for (const r of records) {
    const result = validateRecord(feed, r.value);
    if (result.ok) {
      rows.push(toRow(feed, result.record, pii));
      continue;
    }
    const text = typeof r.value === "string" ? r.value : Buffer.from(r.value).toString("utf8");
    rejected.push({
      feed,
      source: r.source,
      receivedAt,
      reason: result.reason,
      msgId: result.msgId,
      byteSize: typeof r.value === "string" ? Buffer.byteLength(r.value) : r.value.byteLength,
      preview: redactedPreview(text, { known: FEED_KEYS[feed], personal: PERSONAL_KEYS[feed] }),
      sealed: pii.seal(r.value),
    });
  }
  return { rows, rejected };
}

/** classifyRecords with the accepted rows encoded as the store writes them, for a job or a worker thread's message. */
export function classifyEncoded(feed: Feed, records: readonly RawRecord[], pii: PiiProtector, receivedAt = Date.now()): EncodedEvents & { rejected: RejectedRecord[] } {
  const { rows, rejected } = classifyRecords(feed, records, pii, receivedAt);
  return { ...encodeEvents(feed, rows), rejected };
}
