export * from "./model.ts";
export { parseTimestamp, SHANGHAI_OFFSET_MS } from "./timestamp.ts";
export { validateRecord, MAX_RECORD_BYTES, FEED_KEYS, type Validation } from "./validate.ts";
export { hotlineSql } from "./hotline-schema.ts";
export { SQL_ACCEPT_SETTINGS, type SqlAccepter } from "./sql-accept.ts";
