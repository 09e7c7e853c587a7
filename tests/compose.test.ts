// docker-compose.yml cannot run here (no Docker engine), so it is checked statically: Debian's
// docker-compose must accept it, and the services must be wired as the design says.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./support/cli.ts";

interface Service {
  image?: string;
  command?: string[];
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

function config(): { services: Record<string, Service>; volumes: Record<string, unknown> } {
  const env = {
    ...process.env,
    CASEPULSE_PII_KEY: "compose-test-key-0123456789",
    CLICKHOUSE_PASSWORD: "pw",
    CLICKHOUSE_ANALYST_PASSWORD: "apw",
    GRAFANA_ADMIN_PASSWORD: "gpw",
  };
  // Fails with docker-compose's own message when the file is invalid or the tool is missing.
  return parse(execFileSync("docker-compose", ["config"], { cwd: ROOT, env, encoding: "utf8" }));
}

describe("docker-compose.yml", () => {
  const c = config();

  it("has the infrastructure and the three services, each with a healthcheck", () => {
    expect(Object.keys(c.services).sort()).toEqual(
      expect.arrayContaining(["clickhouse", "grafana", "ingest", "kafka", "redis", "reporter", "store-worker"]),
    );
    for (const name of ["clickhouse", "grafana", "ingest", "kafka", "redis", "reporter", "store-worker"]) {
      expect(c.services[name]!.healthcheck?.test.length ?? 0, name).toBeGreaterThan(0);
    }
  });

  it.each([
    ["ingest", "ingest"],
    ["store-worker", "store"],
    ["reporter", "reporter"],
  ])("%s runs `start --roles %s` against the ClickHouse server", (name, role) => {
    const s = c.services[name]!;
    expect(s.command).toEqual(["start", "--roles", role]);
    expect(s.environment?.CLICKHOUSE_URL).toBe("http://clickhouse:8123");
    expect(s.environment?.NODE_ENV).toBe("production");
    expect(Object.values(s.depends_on ?? {}).every((d) => d.condition === "service_healthy")).toBe(true);
  });

  it("Redis keeps an AOF and never evicts; Kafka runs KRaft; data lives in volumes", () => {
    expect(c.services.redis!.command).toEqual(expect.arrayContaining(["--appendonly", "yes", "--maxmemory-policy", "noeviction"]));
    expect(c.services.kafka!.environment?.KAFKA_PROCESS_ROLES).toBe("broker,controller");
    expect(Object.keys(c.volumes)).toEqual(expect.arrayContaining(["kafka-data", "redis-data", "clickhouse-data"]));
  });
});
