export { parseEnv, ConfigError, optionalString, url, storeEnvSchema, DEV_PII_KEY, DEFAULT_DLQ_RETENTION_DAYS, PII_KEY_MIN_CHARS, type StoreEnv } from "./env.ts";
export { streamEnvSchema, feedTopics, topicVariable, type StreamEnv } from "./stream-env.ts";
export { reportEnvSchema, type ReportEnv } from "./report-env.ts";
export { DEFAULT_STREET, streetNameProblem } from "./street-name.ts";
export { ALL_STREETS } from "./district-env.ts";
