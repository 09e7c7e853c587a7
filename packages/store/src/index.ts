export { openStore, type Store, type StoreConfig } from "./client.ts";
export { StoreError, toStoreError } from "./errors.ts";
export { migrate, loadMigrations, MIGRATIONS_DIR } from "./migrate.ts";
export { insertEvents, encodeEvents, insertEncodedEvents, storedMsgIds, EVENT_TABLES, type EncodedEvents } from "./events.ts";
export { insertRejected, listRejected, markReplayed, type RejectedRecord, type StoredRejection } from "./rejected.ts";
export { recordBatch, type IngestBatch } from "./batches.ts";
export { saveReport, type ReportTrigger } from "./reports.ts";
export { chTime, chTimeOrNull } from "./time.ts";
export { refreshOrderState, recordMsgIds, MSG_ID_TABLES } from "./derived.ts";
