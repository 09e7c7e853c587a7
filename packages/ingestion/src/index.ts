export { classifyRecords, classifyEncoded, type RawRecord, type Classified } from "./classify.ts";
export { inlineClassifier, threadClassifier, type Classifier, type ClassifiedBatch } from "./classifier.ts";
export { joinBatches, writeBatch, writeEncodedBatch, type BatchOutcome, type EncodedBatch } from "./write-batch.ts";
export { readLines, type Line } from "./read-lines.ts";
export { ingestFile, type IngestFileOptions } from "./ingest-file.ts";
export { prepareExport, prepareExportApart, FileFormError, EXPORT_FORMS, type ExportForm, type ExportOptions, type PreparedExport, type TextEncoding } from "./forms/index.ts";
export { replayLetters, type ReplayOutcome, type FeedReplay, type UnsealFailure } from "./replay.ts";
