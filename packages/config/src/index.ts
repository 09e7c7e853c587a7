export { parseEnv, ConfigError, optionalString, url, storeEnvSchema, DEV_PII_KEY, type StoreEnv } from "./env.ts";
export { streamEnvSchema, feedTopics, topicVariable, type StreamEnv } from "./stream-env.ts";
