import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, storeEnvSchema } from "./env.ts";

describe("CLICKHOUSE_CLUSTER", () => {
  it("names the cluster of a ClickHouse server; unset is the single-node schema", () => {
    expect(parseEnv(storeEnvSchema, { CLICKHOUSE_URL: "http://ch:8123", CLICKHOUSE_CLUSTER: "casepulse" }).CLICKHOUSE_CLUSTER).toBe("casepulse");
    expect(parseEnv(storeEnvSchema, { CLICKHOUSE_URL: "http://ch:8123" }).CLICKHOUSE_CLUSTER).toBeUndefined();
    expect(parseEnv(storeEnvSchema, { CLICKHOUSE_URL: "http://ch:8123", CLICKHOUSE_CLUSTER: "" }).CLICKHOUSE_CLUSTER).toBeUndefined();
  });

  it.each([
    [{ CLICKHOUSE_CLUSTER: "casepulse" }, /needs CLICKHOUSE_URL/],
    [{ CLICKHOUSE_URL: "http://ch:8123", CLICKHOUSE_CLUSTER: "two words" }, /plain identifier/],
    [{ CLICKHOUSE_URL: "http://ch:8123", CLICKHOUSE_CLUSTER: "c`; DROP" }, /plain identifier/],
  ])("%j is refused, naming the variable", (env, reason) => {
    expect(() => parseEnv(storeEnvSchema, env)).toThrow(ConfigError);
    expect(() => parseEnv(storeEnvSchema, env)).toThrow(/^invalid environment variable CLICKHOUSE_CLUSTER /);
    expect(() => parseEnv(storeEnvSchema, env)).toThrow(reason);
  });
});
