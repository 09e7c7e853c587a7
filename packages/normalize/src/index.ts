export { createPiiProtector, canonicalPhone, redactedPreview, UnsealError, type PiiProtector } from "./pii.ts";
export { toRow, type FeedRowMap, type HotlineRow, type MediationRow, type LitigationRow, type SupervisionRow } from "./rows.ts";
export { rowsSql, rowsSqlParams } from "./rows-sql.ts";
