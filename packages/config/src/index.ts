export { parseEnv, ConfigError, optionalString, url, storeEnvSchema, DEV_PII_KEY, type StoreEnv } from "./env.ts";
