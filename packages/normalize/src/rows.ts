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
  const e = record as HotlineEvent;
  // Key by key, not `...rest`: the row keeps V8's fast object shape (see encodeEvents).
  const row = {
    msg_id: e.msg_id,
    order_id: e.order_id,
    event: e.event,
    event_time: e.event_time,
    category: e.category,
    community: e.community,
    deadline: e.deadline,
    channel: e.channel,
    repeat_of: e.repeat_of,
    satisfaction: e.satisfaction,
    unit: e.unit,
    caller_hash: e.caller_phone ? pii.hashPhone(e.caller_phone) : null,
    has_content: e.content !== null && e.content !== "",
  } satisfies Record<keyof HotlineRow, unknown>;
  return row as FeedRowMap[F];
}

/** The idempotency key of a record: a redelivery of (feed, msg_id) is the same record. */
export function dedupKey(feed: Feed, msgId: string): string {
  return `${feed}:${msgId}`;
}
