export { colorDisabled, createLogger, scrub, REDACTED_KEYS, type Logger, type LoggerOptions } from "./logger.ts";
