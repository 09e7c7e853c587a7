// The one logger: JSON lines in production, pretty on a terminal, personal data and secrets
// redacted wherever they appear in a logged object, at any depth.
import pino, { type Logger } from "pino";

export const REDACTED_KEYS = new Set([
  "caller_phone",
  "content",
  "password",
  "CASEPULSE_PII_KEY",
  "CLICKHOUSE_PASSWORD",
  "KAFKA_SASL_PASSWORD",
  "authorization",
]);
const CENSOR = "[redacted]";

/** A copy of `value` with every redacted key's value replaced; cycles and depth are bounded. */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== "object" || depth > 12) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = REDACTED_KEYS.has(k) ? CENSOR : scrub(v, depth + 1, seen);
  return out;
}

/** NO_COLOR (no-color.org): set and not empty, no ANSI colour in anything casepulse prints. */
export function colorDisabled(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NO_COLOR ?? "") !== "";
}

export interface LoggerOptions {
  name: string;
  level?: string;
  /** Pretty output for humans; default: when stderr is a terminal and not in production. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? (process.stderr.isTTY && process.env.NODE_ENV !== "production");
  const base: pino.LoggerOptions = {
    name: options.name,
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    formatters: {
      log: (object) => scrub(object) as Record<string, unknown>,
    },
    // Child-logger bindings skip the log formatter; serializers reach them (and scrub nested values).
    serializers: Object.fromEntries([...REDACTED_KEYS].map((k) => [k, () => CENSOR])),
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, colorize: !colorDisabled() } } });
  return pino(base, pino.destination(2));
}

export type { Logger };
