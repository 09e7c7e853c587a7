import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DLQ_RETENTION_DAYS, DEV_PII_KEY, parseEnv, storeEnvSchema } from "./env.ts";
import { streamEnvSchema } from "./stream-env.ts";

type Env = Record<string, string | undefined>;

/** The ConfigError thrown for `env`; fails the test when parsing succeeds or throws something else. */
function configError(schema: Parameters<typeof parseEnv>[0], env: Env): ConfigError {
  try {
    parseEnv(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  return expect.fail("expected a ConfigError");
}

const GOOD_KEY = "prod-key-0123456789abcdef";

describe("storeEnvSchema: defaults", () => {
  it("an empty environment gives the development defaults", () => {
    const env = parseEnv(storeEnvSchema, {});
    expect(env.CLICKHOUSE_URL).toBeUndefined();
    expect(env.CLICKHOUSE_USER).toBeUndefined();
    expect(env.CLICKHOUSE_PASSWORD).toBeUndefined();
    expect(env).toEqual({
      NODE_ENV: "development",
      CASEPULSE_DATA: "./data",
      CASEPULSE_DB: "casepulse",
      CASEPULSE_PII_KEY: DEV_PII_KEY,
      CASEPULSE_PII_OLD_KEYS: [],
      CASEPULSE_DLQ_RETENTION_DAYS: DEFAULT_DLQ_RETENTION_DAYS,
      LOG_LEVEL: "info",
    });
    expect(DEFAULT_DLQ_RETENTION_DAYS).toBe(180);
  });

  it.each([
    { name: "CLICKHOUSE_URL", value: "" },
    { name: "CLICKHOUSE_USER", value: "" },
    { name: "CLICKHOUSE_PASSWORD", value: "" },
    { name: "CASEPULSE_PII_KEY", value: "" },
  ])("$name set to the empty string counts as unset", ({ name, value }) => {
    const env = parseEnv(storeEnvSchema, { [name]: value });
    expect(env[name as keyof typeof env]).toBe(name === "CASEPULSE_PII_KEY" ? DEV_PII_KEY : undefined);
  });

  it("values given are kept", () => {
    expect(
      parseEnv(storeEnvSchema, {
        NODE_ENV: "test",
        CLICKHOUSE_URL: "https://ch.example.org:8443",
        CLICKHOUSE_USER: "reader",
        CLICKHOUSE_PASSWORD: "pw",
        CASEPULSE_DATA: "/var/lib/casepulse",
        CASEPULSE_DB: "casepulse_test_1",
        CASEPULSE_PII_KEY: GOOD_KEY,
        CASEPULSE_PII_OLD_KEYS: " old-key-0123456789abcd , older-key-0123456789ab",
        CASEPULSE_DLQ_RETENTION_DAYS: "30",
        LOG_LEVEL: "debug",
      }),
    ).toStrictEqual({
      NODE_ENV: "test",
      CLICKHOUSE_URL: "https://ch.example.org:8443",
      CLICKHOUSE_USER: "reader",
      CLICKHOUSE_PASSWORD: "pw",
      CASEPULSE_DATA: "/var/lib/casepulse",
      CASEPULSE_DB: "casepulse_test_1",
      CASEPULSE_PII_KEY: GOOD_KEY,
      CASEPULSE_PII_OLD_KEYS: ["old-key-0123456789abcd", "older-key-0123456789ab"],
      CASEPULSE_DLQ_RETENTION_DAYS: 30,
      LOG_LEVEL: "debug",
    });
  });

  it.each([{ value: "" }, { value: " , " }])("CASEPULSE_PII_OLD_KEYS=$value is no old key", ({ value }) => {
    expect(parseEnv(storeEnvSchema, { CASEPULSE_PII_OLD_KEYS: value }).CASEPULSE_PII_OLD_KEYS).toEqual([]);
  });
});

describe("storeEnvSchema: a bad variable stops the start with a message naming it", () => {
  it.each([
    { env: { CLICKHOUSE_URL: "not a url" }, name: "CLICKHOUSE_URL" },
    { env: { CLICKHOUSE_URL: "localhost:8123" }, name: "CLICKHOUSE_URL" },
    { env: { CLICKHOUSE_URL: "ftp://ch.example.org" }, name: "CLICKHOUSE_URL" },
    { env: { CLICKHOUSE_URL: "redis://127.0.0.1:6379" }, name: "CLICKHOUSE_URL" },
    { env: { NODE_ENV: "prod" }, name: "NODE_ENV" },
    { env: { NODE_ENV: "production" }, name: "CASEPULSE_PII_KEY" },
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: "" }, name: "CASEPULSE_PII_KEY" },
    { env: { CASEPULSE_PII_KEY: "short" }, name: "CASEPULSE_PII_KEY" },
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: "fifteen-chars!!" }, name: "CASEPULSE_PII_KEY" },
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: DEV_PII_KEY }, name: "CASEPULSE_PII_KEY" },
    { env: { CASEPULSE_DB: "casepulse-db" }, name: "CASEPULSE_DB" },
    { env: { CASEPULSE_DB: "1casepulse" }, name: "CASEPULSE_DB" },
    { env: { CASEPULSE_DB: "casepulse; DROP DATABASE x" }, name: "CASEPULSE_DB" },
    { env: { CASEPULSE_DB: "数据库" }, name: "CASEPULSE_DB" },
    { env: { LOG_LEVEL: "verbose" }, name: "LOG_LEVEL" },
    { env: { CASEPULSE_PII_OLD_KEYS: "short" }, name: "CASEPULSE_PII_OLD_KEYS" },
    { env: { CASEPULSE_PII_OLD_KEYS: `${GOOD_KEY},fifteen-chars!!` }, name: "CASEPULSE_PII_OLD_KEYS" },
    { env: { CASEPULSE_DLQ_RETENTION_DAYS: "0" }, name: "CASEPULSE_DLQ_RETENTION_DAYS" },
    { env: { CASEPULSE_DLQ_RETENTION_DAYS: "-5" }, name: "CASEPULSE_DLQ_RETENTION_DAYS" },
    { env: { CASEPULSE_DLQ_RETENTION_DAYS: "7.5" }, name: "CASEPULSE_DLQ_RETENTION_DAYS" },
    { env: { CASEPULSE_DLQ_RETENTION_DAYS: "half a year" }, name: "CASEPULSE_DLQ_RETENTION_DAYS" },
    { env: { CASEPULSE_DLQ_RETENTION_DAYS: "100000" }, name: "CASEPULSE_DLQ_RETENTION_DAYS" },
  ])("$env → names $name", ({ env, name }) => {
    const error = configError(storeEnvSchema, env);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toContain(name);
  });

  it.each([
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: GOOD_KEY } },
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: "sixteen-chars!!!" } },
    { env: { CLICKHOUSE_URL: "http://127.0.0.1:8123" } },
    { env: { CASEPULSE_DB: "_cp2024" } },
  ])("$env is accepted", ({ env }) => {
    const parsed = parseEnv(storeEnvSchema, env);
    for (const [k, v] of Object.entries(env)) expect(parsed[k as keyof typeof parsed]).toBe(v);
  });
});

describe("storeEnvSchema: secret values are never echoed", () => {
  it.each([
    { env: { CASEPULSE_PII_KEY: "tooShortSecret1" }, secret: "tooShortSecret1" },
    { env: { NODE_ENV: "production", CASEPULSE_PII_KEY: "s3cr3t-s3cr3t!" }, secret: "s3cr3t-s3cr3t!" },
    { env: { CLICKHOUSE_URL: "ftp://reader:hunter2pass@ch.example.org", CLICKHOUSE_PASSWORD: "x" }, secret: "hunter2pass" },
    { env: { CASEPULSE_PII_OLD_KEYS: "old-key-0123456789abcd,tooShortOld1" }, secret: "old-key-0123456789abcd" },
    { env: { CASEPULSE_PII_OLD_KEYS: "old-key-0123456789abcd,tooShortOld1" }, secret: "tooShortOld1" },
  ])("$secret does not appear in the message", ({ env, secret }) => {
    const error = configError(storeEnvSchema, env);
    expect(error.message).not.toContain(secret);
  });

  it("a CLICKHOUSE_PASSWORD set alongside a bad variable is not in the message", () => {
    const error = configError(storeEnvSchema, { CLICKHOUSE_PASSWORD: "pw-Zq81-secret", CASEPULSE_DB: "bad-db" });
    expect(error.message).toContain("CASEPULSE_DB");
    expect(error.message).not.toContain("pw-Zq81-secret");
  });
});

describe("streamEnvSchema: KAFKA_BROKERS", () => {
  it.each([
    { value: undefined, brokers: ["127.0.0.1:9092"] },
    { value: "kafka:9092", brokers: ["kafka:9092"] },
    { value: "k1:9092,k2:9093", brokers: ["k1:9092", "k2:9093"] },
    { value: " k1:9092 , k2:9093 ", brokers: ["k1:9092", "k2:9093"] },
    { value: "k1:9092,,k2:9093,", brokers: ["k1:9092", "k2:9093"] },
    { value: "broker-1.kafka.svc.cluster.local:29092", brokers: ["broker-1.kafka.svc.cluster.local:29092"] },
  ])("$value → $brokers", ({ value, brokers }) => {
    expect(parseEnv(streamEnvSchema, { KAFKA_BROKERS: value }).KAFKA_BROKERS).toStrictEqual(brokers);
  });

  it.each([{ value: "kafka" }, { value: "kafka:" }, { value: "kafka:port" }, { value: "k1:9092,k2" }, { value: "" }, { value: "," }, { value: "k 1:9092" }])(
    "$value is rejected naming KAFKA_BROKERS",
    ({ value }) => {
      expect(configError(streamEnvSchema, { KAFKA_BROKERS: value }).message).toContain("KAFKA_BROKERS");
    },
  );
});

describe("streamEnvSchema: defaults and other variables", () => {
  it("defaults", () => {
    expect(parseEnv(streamEnvSchema, {})).toMatchObject({
      KAFKA_BROKERS: ["127.0.0.1:9092"],
      KAFKA_CLIENT_ID: "casepulse",
      KAFKA_SSL: false,
      REDIS_URL: "redis://127.0.0.1:6379",
      CASEPULSE_PREFIX: "casepulse",
      CASEPULSE_TOPIC_HOTLINE: "raw.hotline",
      CASEPULSE_TOPIC_MEDIATION: "raw.mediation",
      CASEPULSE_TOPIC_LITIGATION: "raw.litigation",
      CASEPULSE_JOB_RECORDS: 5000,
      CASEPULSE_CLASSIFY_THREAD: true,
      CASEPULSE_JOIN_RECORDS: 2000,
      CASEPULSE_MAX_QUEUE_DEPTH: 40,
      CASEPULSE_WORKER_CONCURRENCY: 2,
      ALERT_WEBHOOK_KIND: "json",
    });
  });

  it.each([
    { name: "KAFKA_SSL", value: "yes" },
    { name: "KAFKA_SASL_MECHANISM", value: "gssapi" },
    { name: "REDIS_URL", value: "http://127.0.0.1:6379" },
    { name: "CASEPULSE_TOPIC_HOTLINE", value: "raw hotline" },
    { name: "CASEPULSE_JOB_RECORDS", value: "0" },
    { name: "CASEPULSE_JOB_RECORDS", value: "ten" },
    { name: "CASEPULSE_JOIN_RECORDS", value: "0" },
    { name: "CASEPULSE_JOIN_RECORDS", value: "2.5" },
    { name: "CASEPULSE_CLASSIFY_THREAD", value: "no" },
    { name: "CASEPULSE_HTTP_PORT", value: "-1" },
    { name: "ALERT_WEBHOOK_URL", value: "not-a-url" },
    { name: "ALERT_WEBHOOK_KIND", value: "slack" },
    { name: "KAFKA_SSL_CA_FILE", value: "/nonexistent/ca.pem" },
    { name: "KAFKA_SESSION_TIMEOUT_MS", value: "1000" },
  ])("$name=$value is rejected naming it", ({ name, value }) => {
    expect(configError(streamEnvSchema, { [name]: value }).message).toContain(name);
  });

  it.each([
    { name: "KAFKA_SSL", value: "true", parsed: true },
    { name: "CASEPULSE_JOB_RECORDS", value: "250", parsed: 250 },
    { name: "CASEPULSE_JOIN_RECORDS", value: "5000", parsed: 5000 },
    { name: "CASEPULSE_CLASSIFY_THREAD", value: "false", parsed: false },
    { name: "CASEPULSE_TOPIC_MEDIATION", value: "prod.raw-mediation_v2", parsed: "prod.raw-mediation_v2" },
  ])("$name=$value → $parsed", ({ name, value, parsed }) => {
    expect(parseEnv(streamEnvSchema, { [name]: value })[name as "KAFKA_SSL"]).toBe(parsed);
  });
});

describe("streamEnvSchema: SASL needs a username and a password", () => {
  it.each([
    { env: { KAFKA_SASL_MECHANISM: "plain" } },
    { env: { KAFKA_SASL_MECHANISM: "scram-sha-256", KAFKA_SASL_PASSWORD: "pw-9f8e7d" } },
    { env: { KAFKA_SASL_MECHANISM: "scram-sha-512", KAFKA_SASL_USERNAME: "casepulse" } },
    { env: { KAFKA_SASL_MECHANISM: "plain", KAFKA_SASL_USERNAME: "", KAFKA_SASL_PASSWORD: "pw-9f8e7d" } },
  ])("$env → error naming KAFKA_SASL_", ({ env }) => {
    const error = configError(streamEnvSchema, env);
    expect(error.message).toMatch(/KAFKA_SASL_(USERNAME|PASSWORD)/);
    expect(error.message).not.toContain("pw-9f8e7d");
  });

  it("mechanism with both is accepted", () => {
    expect(
      parseEnv(streamEnvSchema, { KAFKA_SASL_MECHANISM: "scram-sha-256", KAFKA_SASL_USERNAME: "u", KAFKA_SASL_PASSWORD: "p" }),
    ).toMatchObject({ KAFKA_SASL_MECHANISM: "scram-sha-256", KAFKA_SASL_USERNAME: "u", KAFKA_SASL_PASSWORD: "p" });
  });

});

describe("streamEnvSchema: secret values are never echoed", () => {
  it("a password with a bad variable elsewhere is not echoed", () => {
    const error = configError(streamEnvSchema, { KAFKA_SASL_PASSWORD: "kafka-pw-77x", KAFKA_BROKERS: "nohost" });
    expect(error.message).toContain("KAFKA_BROKERS");
    expect(error.message).not.toContain("kafka-pw-77x");
  });

  it("the key inside a bad ALERT_WEBHOOK_URL is not echoed", () => {
    const error = configError(streamEnvSchema, { ALERT_WEBHOOK_URL: "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key-3f9a" });
    expect(error.message).toContain("ALERT_WEBHOOK_URL");
    expect(error.message).not.toContain("wecom-key-3f9a");
  });

  it("credentials inside a bad REDIS_URL are not echoed", () => {
    const error = configError(streamEnvSchema, { REDIS_URL: "http://:redis-pw-55q@cache:6379" });
    expect(error.message).toContain("REDIS_URL");
    expect(error.message).not.toContain("redis-pw-55q");
  });
});
