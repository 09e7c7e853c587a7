export { startIngest, type IngestOptions } from "./ingest-service.ts";
