export { createPiiProtector, canonicalPhone, redactedPreview, type PiiProtector } from "./pii.ts";
export { toRow, dedupKey, type FeedRowMap, type HotlineRow, type MediationRow, type LitigationRow } from "./rows.ts";
export { rowsSql, rowsSqlParams } from "./rows-sql.ts";
