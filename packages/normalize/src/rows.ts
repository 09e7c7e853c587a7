// Canonical records → the rows stored in ClickHouse. Personal data leaves here: the phone as
// its HMAC, the complaint text not at all (only whether there was one).
import type { Feed, FeedRecordMap, HotlineEvent, LitigationSnapshot, MediationSnapshot } from "@casepulse/feeds";
import type { PiiProtector } from "./pii.ts";

export type HotlineRow = Omit<HotlineEvent, "caller_phone" | "content"> & {
  caller_hash: string | null;
  has_content: boolean;
};
export type MediationRow = MediationSnapshot;
export type LitigationRow = LitigationSnapshot;

export interface FeedRowMap {
  hotline: HotlineRow;
  mediation: MediationRow;
  litigation: LitigationRow;
}

export function toRow<F extends Feed>(feed: F, record: FeedRecordMap[F], pii: PiiProtector): FeedRowMap[F] {
  if (feed !== "hotline") return record as unknown as FeedRowMap[F];
  const { caller_phone, content, ...rest } = record as HotlineEvent;
  const row: HotlineRow = {
    ...rest,
    caller_hash: caller_phone ? pii.hashPhone(caller_phone) : null,
    has_content: content !== null && content !== "",
  };
  return row as FeedRowMap[F];
}

/** The idempotency key of a record: a redelivery of (feed, msg_id) is the same record. */
export function dedupKey(feed: Feed, msgId: string): string {
  return `${feed}:${msgId}`;
}
