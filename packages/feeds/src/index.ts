export * from "./model.ts";
export { parseTimestamp, SHANGHAI_OFFSET_MS } from "./timestamp.ts";
export { validateRecord, MAX_RECORD_BYTES, FEED_KEYS, FEED_SCHEMAS, PERSONAL_KEYS, SQL_ACCEPTERS, type Validation } from "./validate.ts";
export { SQL_ACCEPT_SETTINGS, type SqlAccepter } from "./sql-accept.ts";
export { storedColumns, personalKeys, type FeedContract, type FieldSpec, type RecordOf, type RowOf } from "./contract.ts";
export { plainAccepter } from "./validators.ts";
export { compileMapper, compileRowMapper, type MappedKey } from "./compile-mapper.ts";
