// toRow in SQL, for records that the engine validated itself (@casepulse/feeds sql-accept.ts),
// made from the same contract: the caller's phone becomes the same HMAC, computed from SHA-256
// and the key's two pad blocks (the query parameters phone_inner and phone_outer), and the
// complaint text is reduced to whether there was one. tests/sql-accept.e2e.test.ts holds it
// equal to toRow.
import { CONTRACTS, SQL_ACCEPTERS, type Feed, type FeedContract } from "@casepulse/feeds";
import type { PiiProtector } from "./pii.ts";

/** canonicalPhone over `phone`: digits only, a leading 86 dropped from 13 digits. */
const canonicalPhone = (phone: string) =>
  `if(length(replaceRegexpAll(${phone}, '\\\\D+', '') AS ${phone}_digits) = 13 AND startsWith(${phone}_digits, '86'), substring(${phone}_digits, 3), ${phone}_digits)`;
const phoneHmac = (phone: string) => `if(${phone} IS NULL OR ${phone} = '', NULL,
      lower(hex(SHA256(concat(unhex({phone_outer:String}), SHA256(concat(unhex({phone_inner:String}), ${canonicalPhone(phone)})))))))`;

function rowColumns(contract: FeedContract): string {
  return Object.entries(contract.fields)
    .map(([key, spec]) => {
      switch (spec.personal?.as) {
        case "phone_hmac":
          return `${phoneHmac(key)} AS ${spec.personal.column}`;
        case "presence":
          return `${key} IS NOT NULL AND ${key} != '' AS ${spec.personal.column}`;
        default:
          return key;
      }
    })
    .join(", ");
}

/**
 * Per feed the engine can check (SQL_ACCEPTERS): SELECT n, <the feed's stored row columns> over
 * `records` (a query yielding n and the canonical record's columns).
 */
export const rowsSql: Partial<Record<Feed, (records: string) => string>> = Object.fromEntries(
  (Object.keys(SQL_ACCEPTERS) as Feed[]).map((feed) => {
    const columns = rowColumns(CONTRACTS[feed]);
    return [feed, (records: string) => `SELECT n, ${columns} FROM (${records})`];
  }),
);

/** The query parameters rowsSql's SQL needs. */
export function rowsSqlParams(pii: PiiProtector): Record<string, string> {
  const pads = pii.phoneHmacPads();
  return { phone_inner: pads.inner, phone_outer: pads.outer };
}
