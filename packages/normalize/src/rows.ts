// Canonical records → the rows the stream's jobs carry and the store keeps. Personal data leaves
// here, as each feed's contract says: the phone as its HMAC, the complaint text not at all (only
// whether there was one); every other key as it is.
import { compileMapper, CONTRACTS, FEEDS, type Feed, type FeedContract, type FeedRecordMap, type FeedRowMap } from "@casepulse/feeds";
import type { PiiProtector } from "./pii.ts";

export type HotlineRow = FeedRowMap["hotline"];
export type MediationRow = FeedRowMap["mediation"];
export type LitigationRow = FeedRowMap["litigation"];
export type SupervisionRow = FeedRowMap["supervision"];
export type { FeedRowMap };

function rowMapper(contract: FeedContract) {
  const keys = Object.entries(contract.fields).map(([key, spec]) => {
    const v = `r.${key}`;
    switch (spec.personal?.as) {
      case "phone_hmac":
        return { key: spec.personal.column, value: `${v} ? x.hashPhone(${v}) : null` };
      case "presence":
        return { key: spec.personal.column, value: `${v} !== null && ${v} !== ""` };
      default:
        return { key, value: v };
    }
  });
  return compileMapper<FeedRecordMap[Feed], FeedRowMap[Feed], PiiProtector>(keys);
}

const mappers = Object.fromEntries(FEEDS.map((feed) => [feed, rowMapper(CONTRACTS[feed])])) as Record<Feed, ReturnType<typeof rowMapper>>;

export function toRow<F extends Feed>(feed: F, record: FeedRecordMap[F], pii: PiiProtector): FeedRowMap[F] {
  return mappers[feed](record, pii) as FeedRowMap[F];
}
