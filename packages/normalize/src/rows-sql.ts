// toRow in SQL, for records that the engine validated itself (@casepulse/feeds sql-accept.ts):
// the caller's phone becomes the same HMAC, computed from SHA-256 and the key's two pad blocks
// (passed as the query parameters phone_inner and phone_outer), and the complaint text is
// reduced to whether there was one. tests/sql-accept.e2e.test.ts holds it equal to toRow.
import type { Feed } from "@casepulse/feeds";
import type { PiiProtector } from "./pii.ts";

/** canonicalPhone: digits only, a leading 86 dropped from 13 digits. */
const CANONICAL_PHONE = `if(length(replaceRegexpAll(caller_phone, '\\\\D+', '') AS digits) = 13 AND startsWith(digits, '86'), substring(digits, 3), digits)`;
const CALLER_HASH = `if(caller_phone IS NULL OR caller_phone = '', NULL,
      lower(hex(SHA256(concat(unhex({phone_outer:String}), SHA256(concat(unhex({phone_inner:String}), ${CANONICAL_PHONE})))))))`;

/**
 * Per feed that has one: SELECT n, <the feed's stored row columns> over `records` (a query
 * yielding n and the canonical record's columns).
 */
export const rowsSql: Partial<Record<Feed, (records: string) => string>> = {
  hotline: (records) => `SELECT n, msg_id, order_id, event, event_time, category, community, deadline, channel, repeat_of,
      satisfaction, unit, ${CALLER_HASH} AS caller_hash, content IS NOT NULL AND content != '' AS has_content
    FROM (${records})`,
};

/** The query parameters rowsSql's SQL needs. */
export function rowsSqlParams(pii: PiiProtector): Record<string, string> {
  const pads = pii.phoneHmacPads();
  return { phone_inner: pads.inner, phone_outer: pads.outer };
}
