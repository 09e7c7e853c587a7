// The canonical model: what a valid record of each feed means once parsed, made from the feeds'
// contracts (contracts/*.ts). Timestamps are UTC epoch milliseconds; personal data is still
// present here and is removed by @casepulse/normalize before anything is stored or logged.
import type { FeedContract, RecordOf, RowOf } from "./contract.ts";
import { hotlineContract } from "./contracts/hotline.ts";
import { litigationContract } from "./contracts/litigation.ts";
import { mediationContract } from "./contracts/mediation.ts";
import { supervisionContract } from "./contracts/supervision.ts";

export * from "./contracts/hotline.ts";
export * from "./contracts/mediation.ts";
export * from "./contracts/litigation.ts";
export * from "./contracts/supervision.ts";
export * from "./contracts/file-forms.ts";

export const CONTRACTS = {
  hotline: hotlineContract,
  mediation: mediationContract,
  litigation: litigationContract,
  supervision: supervisionContract,
} as const satisfies Record<string, FeedContract>;

export type Feed = keyof typeof CONTRACTS;
export const FEEDS = Object.keys(CONTRACTS) as [Feed, ...Feed[]];

export type HotlineEvent = RecordOf<typeof hotlineContract>;
export type MediationSnapshot = RecordOf<typeof mediationContract>;
export type LitigationSnapshot = RecordOf<typeof litigationContract>;
export type SupervisionItem = RecordOf<typeof supervisionContract>;

export type FeedRecordMap = { [F in Feed]: RecordOf<(typeof CONTRACTS)[F]> };
export type FeedRecord = FeedRecordMap[Feed];
/** A record once its personal keys are hashed or dropped: what the stream's jobs carry. */
export type FeedRowMap = { [F in Feed]: RowOf<(typeof CONTRACTS)[F]> };

export function isFeed(value: string): value is Feed {
  return Object.hasOwn(CONTRACTS, value);
}
