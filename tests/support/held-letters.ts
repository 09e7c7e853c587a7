// Dead letters of valid records, as a store holds them after a key rotation or a rule that was
// since relaxed: records held back from an export, then stored as letters sealed under a given key
// with their reading counted (received and rejected), as the ingest that rejected them counted it.
// Replayed, they must move from rejected to accepted with nothing lost or counted twice.
import { createHash } from "node:crypto";
import { FEED_KEYS, PERSONAL_KEYS, validateRecord, type Feed } from "@casepulse/feeds";
import { createPiiProtector, redactedPreview } from "@casepulse/normalize";
import { insertRejected, recordBatch, type Store } from "@casepulse/store";

/**
 * `count` lines of the export, spread over it, that are valid and whose msg_id no other line has
 * (arrival order then changes no figure), and the export without them. `skip` picks another set.
 */
export function holdOut(feed: Feed, lines: readonly string[], count: number, skip = 0): { kept: string[]; held: string[] } {
  const ids = lines.map((l) => {
    const v = validateRecord(feed, l);
    return v.ok ? v.record.msg_id : null;
  });
  const seen = new Map<string, number>();
  for (const id of ids) if (id !== null) seen.set(id, (seen.get(id) ?? 0) + 1);
  const eligible = ids.flatMap((id, i) => (id !== null && seen.get(id) === 1 ? [i] : []));
  const step = Math.max(1, Math.floor(eligible.length / (count * (skip + 2))));
  const chosen = new Set(eligible.filter((_, k) => k % step === 0).slice(skip * count, (skip + 1) * count));
  if (chosen.size < count) throw new Error(`only ${chosen.size} lines of ${feed} can be held back`);
  return { kept: lines.filter((_, i) => !chosen.has(i)), held: lines.filter((_, i) => chosen.has(i)) };
}

/** Stores `lines` as pending dead letters sealed under `key`, counted as one reading; returns their ids. */
export async function storeHeldLetters(store: Store, feed: Feed, lines: readonly string[], key: string, label: string): Promise<string[]> {
  const pii = createPiiProtector(key);
  const records = lines.map((line, i) => {
    const v = validateRecord(feed, line);
    return {
      id: uuidOf(`${label}:${feed}:${i}`),
      feed,
      source: `file:held-${label}.jsonl:${i + 1}`,
      receivedAt: Date.now(),
      reason: "held back by the test (a rule since relaxed)",
      msgId: v.ok ? v.record.msg_id : v.msgId,
      byteSize: Buffer.byteLength(line),
      preview: redactedPreview(line, { known: FEED_KEYS[feed], personal: PERSONAL_KEYS[feed] }),
      sealed: pii.seal(line),
    };
  });
  await insertRejected(store, records, `held:${label}:${feed}`);
  await recordBatch(store, { batchId: `held:${label}:${feed}`, feed, source: `file:held-${label}.jsonl`, received: lines.length, rejected: lines.length });
  return records.map((r) => r.id);
}

function uuidOf(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
