// `dlq replay`: pending dead letters through validation again, by the steps of every batch.
// A letter keeps its identity: found valid it becomes an accepted record (or a duplicate) and is
// marked replayed; found invalid it is stored again under its id, still pending, with the new
// reason and sealed under the current key. A replay is no new reading: `received` does not grow,
// and a letter found valid leaves `rejected` (one count row of -1 per letter and version, so a
// replay cut short and run again counts it once). Letters no configured key opens stay as they are.
import { FEEDS, type Feed } from "@casepulse/feeds";
import { UnsealError, type PiiProtector } from "@casepulse/normalize";
import { markReplayed, nextVersion, receivedAtMs, type IngestBatch, type RejectedRecord, type StoredRejection, type Store } from "@casepulse/store";
import { classifyRecords, type Classified } from "./classify.ts";
import { writeBatch, type BatchOutcome } from "./write-batch.ts";

export type UnsealFailure = UnsealError["kind"];

export interface FeedReplay extends BatchOutcome {
  feed: Feed;
  /** Letters opened with one of CASEPULSE_PII_OLD_KEYS (stored again, if still invalid, under the current key). */
  openedWithOldKey: number;
}

export interface ReplayOutcome {
  feeds: FeedReplay[];
  /** Letters not replayed, by why they could not be opened, with their count per feed. */
  notOpened: { kind: UnsealFailure; byFeed: Partial<Record<Feed, number>>; total: number }[];
}

export async function replayLetters(
  store: Store,
  pii: PiiProtector,
  letters: readonly StoredRejection[],
  options: { runId: string; fixed?: string | undefined },
): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { feeds: [], notOpened: [] };
  const failures = new Map<UnsealFailure, ReplayOutcome["notOpened"][number]>();
  for (const feed of FEEDS) {
    const opened: { letter: StoredRejection; value: string | Buffer; oldKey: boolean }[] = [];
    for (const letter of letters.filter((l) => l.feed === feed)) {
      if (options.fixed !== undefined) {
        opened.push({ letter, value: options.fixed, oldKey: false });
        continue;
      }
      try {
        const { bytes, key } = pii.unseal(letter.sealed);
        opened.push({ letter, value: bytes, oldKey: key > 0 });
      } catch (err) {
        if (!(err instanceof UnsealError)) throw err;
        const failure = failures.get(err.kind) ?? { kind: err.kind, byFeed: {}, total: 0 };
        failure.byFeed[feed] = (failure.byFeed[feed] ?? 0) + 1;
        failure.total += 1;
        failures.set(err.kind, failure);
      }
    }
    if (opened.length === 0) continue;
    const { batch, valid } = classifyLetters(feed, opened, pii);
    const counts: IngestBatch[] = valid.map((l) => ({ batchId: `replay:${l.id}:${l.version}`, feed, source: "dlq-replay", received: 0, rejected: -1 }));
    const result = await writeBatch(store, feed, { batchId: `replay:${options.runId}:${feed}`, source: "dlq-replay", received: 0, counts, ...batch });
    // Only now: a replay cut short before this finds them pending again, at the same version.
    await markReplayed(store, valid);
    outcome.feeds.push({ feed, ...result, received: opened.length, openedWithOldKey: opened.filter((o) => o.oldKey).length });
  }
  outcome.notOpened = [...failures.values()];
  return outcome;
}

/**
 * Each letter classified on its own (its verdict is its own, whatever the others'), still-invalid
 * ones turned back into the same letter: same id, source and first reception, a higher version.
 */
function classifyLetters<F extends Feed>(
  feed: F,
  opened: readonly { letter: StoredRejection; value: string | Buffer }[],
  pii: PiiProtector,
): { batch: Classified<F>; valid: StoredRejection[] } {
  const batch: Classified<F> = { rows: [], rejected: [] };
  const valid: StoredRejection[] = [];
  for (const { letter, value } of opened) {
    const receivedAt = receivedAtMs(letter);
    const { rows, rejected } = classifyRecords(feed, [{ value, source: letter.source }], pii, receivedAt);
    batch.rows.push(...rows);
    if (rows.length > 0) valid.push(letter);
    batch.rejected.push(...rejected.map((r): RejectedRecord => ({ ...r, id: letter.id, version: nextVersion(letter) })));
  }
  return { batch, valid };
}
