/** The largest record accepted (a Kafka message value or a JSONL line), in bytes. */
export const MAX_RECORD_BYTES = 256 * 1024;
