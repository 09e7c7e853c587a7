// The one logger: JSON lines in production, pretty on a terminal, personal data redacted
// wherever it appears in a logged object.
import pino, { type Logger } from "pino";

const PERSONAL = ["caller_phone", "content", "password", "CASEPULSE_PII_KEY", "CLICKHOUSE_PASSWORD", "authorization"];
export const REDACT_PATHS = [...PERSONAL, ...PERSONAL.map((k) => `*.${k}`), ...PERSONAL.map((k) => `*.*.${k}`)];

export interface LoggerOptions {
  name: string;
  level?: string;
  /** Pretty output for humans; default: when stderr is a terminal and not in production. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? (process.stderr.isTTY && process.env.NODE_ENV !== "production");
  const base = {
    name: options.name,
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  return pino(base, pino.destination(2));
}

export type { Logger };
