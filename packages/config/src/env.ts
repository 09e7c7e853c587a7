// Environment → typed config, parsed once at start. A bad or missing variable stops the start
// with one line naming it.
import { z } from "zod";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.join(".") || "environment";
  const value = env[String(issue.path[0])];
  const shown = value === undefined ? "unset" : JSON.stringify(shownValue(name, value));
  throw new ConfigError(`invalid environment variable ${name} (${shown}): ${issue.message}`);
}

/** A variable's value fit for an error message: secrets hidden, URLs without credentials or query. */
function shownValue(name: string, value: string): string {
  // A webhook's URL is its access key (robot URLs carry it in the query or the path).
  if (/KEY|PASSWORD|SECRET|TOKEN|WEBHOOKS/.test(name)) return "(hidden)";
  if (!name.endsWith("_URL")) return value;
  if (!URL.canParse(value)) return /[@?]/.test(value) ? "(hidden: may hold credentials)" : value;
  const u = new URL(value);
  if (u.username || u.password) [u.username, u.password] = ["***", ""];
  if (u.search) u.search = "?…";
  return u.toString();
}

/** Empty strings count as unset, as in most deployment tools. */
export const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

export const url = (protocols: string[]) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((s) => URL.canParse(s) && protocols.includes(new URL(s).protocol), {
        message: `must be a URL (${protocols.join(" or ")})`,
      })
      .optional(),
  );

export const DEV_PII_KEY = "casepulse-development-key-not-for-production";

/** The shortest CASEPULSE_PII_KEY (and each of CASEPULSE_PII_OLD_KEYS) accepted. */
export const PII_KEY_MIN_CHARS = 16;

/**
 * Keys a deployment used before its current CASEPULSE_PII_KEY, comma-separated, kept only to
 * open dead letters sealed under them (docs/security.md, "Rotating CASEPULSE_PII_KEY"). A key
 * cannot hold a comma; blanks around one are not part of it.
 */
const oldPiiKeys = z
  .preprocess((v) => (v === undefined ? "" : v), z.string())
  .transform((s) => s.split(",").map((k) => k.trim()).filter((k) => k.length > 0))
  .superRefine((keys, ctx) => {
    const short = keys.findIndex((k) => k.length < PII_KEY_MIN_CHARS);
    if (short >= 0) ctx.addIssue({ code: "custom", message: `key ${short + 1} of the list is shorter than ${PII_KEY_MIN_CHARS} characters (each must be at least ${PII_KEY_MIN_CHARS})` });
  });

/** How long dead letters keep their sealed copy (days after the record was first received). */
export const DEFAULT_DLQ_RETENTION_DAYS = 180;

/** What every casepulse process needs: where ClickHouse is and how personal data is keyed. */
export const storeEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    CLICKHOUSE_URL: url(["http:", "https:"]),
    CLICKHOUSE_USER: optionalString,
    CLICKHOUSE_PASSWORD: optionalString,
    /** A cluster's name in the servers' remote_servers: the schema's cluster variant (packages/store/src/cluster.ts). */
    CLICKHOUSE_CLUSTER: optionalString.refine((v) => v === undefined || /^[A-Za-z_][A-Za-z0-9_]*$/.test(v), {
      message: "must be a plain identifier (letters, digits, _): the cluster's name in remote_servers",
    }),
    CASEPULSE_DATA: z.string().min(1).default("./data"),
    CASEPULSE_DB: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be a plain identifier (letters, digits, _)" })
      .default("casepulse"),
    CASEPULSE_PII_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(PII_KEY_MIN_CHARS, { message: `must be at least ${PII_KEY_MIN_CHARS} characters` }).optional(),
    ),
    CASEPULSE_PII_OLD_KEYS: oldPiiKeys,
    CASEPULSE_DLQ_RETENTION_DAYS: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce
        .number({ message: "must be a whole number of days" })
        .int({ message: "must be a whole number of days" })
        .min(1, { message: "must be at least 1 day" })
        .max(36_500, { message: "must be at most 36500 days (100 years)" })
        .default(DEFAULT_DLQ_RETENTION_DAYS),
    ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.CLICKHOUSE_CLUSTER && !env.CLICKHOUSE_URL) {
      ctx.addIssue({ code: "custom", path: ["CLICKHOUSE_CLUSTER"], message: "needs CLICKHOUSE_URL (a server of the cluster): the embedded engine is one node" });
    }
    if (env.NODE_ENV === "production" && !env.CASEPULSE_PII_KEY) {
      ctx.addIssue({ code: "custom", path: ["CASEPULSE_PII_KEY"], message: "required when NODE_ENV=production (the built-in key is for development only)" });
    }
    // Setting the built-in key by hand is no better than leaving it unset: it is public.
    if (env.NODE_ENV === "production" && env.CASEPULSE_PII_KEY === DEV_PII_KEY) {
      ctx.addIssue({ code: "custom", path: ["CASEPULSE_PII_KEY"], message: "must be this deployment's own key when NODE_ENV=production, not the built-in development key" });
    }
  })
  .transform((env) => ({ ...env, CASEPULSE_PII_KEY: env.CASEPULSE_PII_KEY ?? DEV_PII_KEY }));

export type StoreEnv = z.infer<typeof storeEnvSchema>;
