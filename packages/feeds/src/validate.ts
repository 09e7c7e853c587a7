// One record in, either its canonical form or the reason it was rejected. Bad input is data:
// nothing here throws on a malformed record.
import type { z } from "zod";
import { personalKeys } from "./contract.ts";
import { CONTRACTS, FEEDS, type Feed, type FeedRecordMap } from "./model.ts";
import { MAX_RECORD_BYTES } from "./limits.ts";
import { sqlAccepterFor, type SqlAccepter } from "./sql-accept.ts";
import { plainAccepter, zodSchema } from "./validators.ts";

export { MAX_RECORD_BYTES };

const perFeed = <T>(make: (feed: Feed) => T) => Object.fromEntries(FEEDS.map((feed) => [feed, make(feed)])) as { [F in Feed]: T };

/** Each feed's zod schema, made from its contract. */
export const FEED_SCHEMAS = perFeed((feed) => zodSchema(CONTRACTS[feed]));
/** The schemas' results for the records they accept without help; null leaves the record to zod. */
const accepters = perFeed((feed) => plainAccepter<FeedRecordMap[Feed]>(CONTRACTS[feed]));
/** The feeds whose contract the engine can check itself (sql-accept.ts), for bulk loads. */
export const SQL_ACCEPTERS: Partial<Record<Feed, SqlAccepter>> = Object.fromEntries(
  FEEDS.flatMap((feed) => {
    const accepter = sqlAccepterFor(CONTRACTS[feed]);
    return accepter ? [[feed, accepter]] : [];
  }),
);

/** The keys each feed's contract defines; anything else in a record is ignored. */
export const FEED_KEYS = perFeed((feed): ReadonlySet<string> => new Set(Object.keys(CONTRACTS[feed].fields)));
/** The keys of each feed that hold personal data (masked in previews, never stored in clear). */
export const PERSONAL_KEYS = perFeed((feed): ReadonlySet<string> => new Set(personalKeys(CONTRACTS[feed])));

export type Validation<F extends Feed = Feed> =
  | { ok: true; record: FeedRecordMap[F] }
  | { ok: false; reason: string; msgId: string | null };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function reject(reason: string, msgId: string | null = null): { ok: false; reason: string; msgId: string | null } {
  return { ok: false, reason, msgId };
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const key = issue.path[0];
  const where = issue.path.join(".");
  if (typeof key === "string" && issue.code === "invalid_type") {
    if (!(key in input)) return `missing required key ${key}`;
    if (input[key] === null) return `required key ${key} is null`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Validates one raw record (a Kafka message value or a JSONL line without its newline). A record
 * the plain accepters take is not parsed by zod again; every other goes through the zod schema,
 * which accepts it the same way or says why not.
 */
export function validateRecord<F extends Feed>(feed: F, raw: string | Uint8Array): Validation<F> {
  const bytes = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
  if (bytes > MAX_RECORD_BYTES) return reject(`record is ${bytes} bytes, over the ${MAX_RECORD_BYTES}-byte (256 KiB) limit`);
  let text: string;
  if (typeof raw === "string") {
    // As the byte path's decoder does: a leading byte order mark is not part of the record.
    text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  } else {
    try {
      text = utf8.decode(raw);
    } catch {
      return reject("not valid UTF-8");
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The engine's message quotes the input, which may hold personal data: say only what failed.
    return reject("not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return reject("not a JSON object");
  const input = parsed as Record<string, unknown>;
  const accepted = accepters[feed](input);
  if (accepted !== null) return { ok: true, record: accepted as FeedRecordMap[F] };
  // Kept with the dead letter: an unpaired surrogate would make ClickHouse refuse the whole insert.
  const msgId = typeof input.msg_id === "string" && input.msg_id.trim() !== "" ? input.msg_id.toWellFormed() : null;
  const result = FEED_SCHEMAS[feed].safeParse(input);
  if (!result.success) {
    const reasons = result.error.issues.slice(0, 3).map((i) => describeIssue(i, input));
    return reject(reasons.join("; "), msgId);
  }
  return { ok: true, record: result.data as FeedRecordMap[F] };
}
