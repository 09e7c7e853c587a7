// docker-compose.yml cannot run here (no Docker engine), so it is checked statically: Debian's
// docker-compose must accept it, and the services must be wired as the design says.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./support/cli.ts";

interface Service {
  image?: string;
  ports?: (string | { published: number | string; target: number })[];
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
      expect.arrayContaining(["clickhouse", "grafana", "ingest", "kafka", "prometheus", "redis", "reporter", "store-worker"]),
    );
    for (const name of ["clickhouse", "grafana", "ingest", "kafka", "prometheus", "redis", "reporter", "store-worker"]) {
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

  it("pins every image to an exact version; ClickHouse is 26.x, no older than the embedded engine", () => {
    const images = Object.entries(c.services).filter(([, s]) => s.image && s.image !== "casepulse:latest");
    expect(images.length).toBeGreaterThanOrEqual(5);
    // A tag of three or four numbers (v3.5.0, 7.4.11, 26.8.20.9), never latest nor a floating 7.
    for (const [name, s] of images) expect(s.image, name).toMatch(/:v?\d+\.\d+\.\d+(\.\d+)?$/);
    const [major, minor] = c.services.clickhouse!.image!.split(":")[1]!.split(".").map(Number);
    expect(major).toBe(26);
    expect(minor).toBeGreaterThanOrEqual(7);
  });

  it("Kafka answers the host on 127.0.0.1:19092 besides kafka:9092 on the compose network", () => {
    const env = c.services.kafka!.environment!;
    expect(env.KAFKA_ADVERTISED_LISTENERS!.split(",")).toEqual(["PLAINTEXT://kafka:9092", "EXTERNAL://127.0.0.1:19092"]);
    expect(env.KAFKA_LISTENERS).toContain("EXTERNAL://:19092");
    expect(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP).toContain("EXTERNAL:PLAINTEXT");
    const published = (c.services.kafka!.ports ?? []).map((p) => (typeof p === "string" ? p : `${p.published}:${p.target}`));
    expect(published.some((p) => /^127\.0\.0\.1:19092:19092(\/tcp)?$/.test(p))).toBe(true);
    // The services inside keep the internal listener.
    expect(c.services.ingest!.environment?.KAFKA_BROKERS).toBe("kafka:9092");
  });

  it("Prometheus loads infra/prometheus; Grafana has its datasource and dashboards", () => {
    const prometheus = c.services.prometheus!;
    expect(prometheus.command).toEqual(expect.arrayContaining(["--config.file=/etc/prometheus/prometheus.yml"]));
    expect(JSON.stringify((prometheus as { volumes?: unknown }).volumes)).toContain("infra/prometheus");
    expect(Object.keys(c.services.grafana!.depends_on ?? {})).toEqual(expect.arrayContaining(["prometheus", "clickhouse"]));
    expect(Object.keys(c.volumes)).toEqual(expect.arrayContaining(["prometheus-data"]));
  });
});
