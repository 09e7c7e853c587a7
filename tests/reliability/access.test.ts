// Access: Kafka SASL over TLS with a private CA (a broker of our own with a SASL_SSL listener),
// Redis with a password, ClickHouse credentials; no secret in a config error, a log line or
// /metrics; the read-only analyst user's file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.ts";
import { produceAll } from "../support/pipeline.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { startBroker, type TestBroker } from "./support/kafka-broker.ts";
import { QUICK } from "./support/profile.ts";
import { startRedis, type TestRedis } from "./support/redis-server.ts";
import { compareWithReference, generatedRun, type GeneratedRun } from "./support/stream-run.ts";
import { makeTlsMaterial, type TlsMaterial } from "./support/tls-material.ts";

const SECRET = {
  kafka: "kafka-Pw-7f3a9c",
  scram: "scram-Pw-2b8e41",
  redis: "redis-Pw-91d0e7",
  clickhouse: "ch-Pw-5c7a12",
  pii: "pii-Key-3e9f0a-0123456789",
  webhook: "hook-Key-8a1b2c",
};
const SECRETS = Object.values(SECRET);
const leaked = (text: string) => SECRETS.filter((s) => text.includes(s));

const dir = mkdtempSync(join(tmpdir(), "casepulse-access-"));
let services: Services;
let tls: TlsMaterial;
let broker: TestBroker | undefined;
let redis: TestRedis | undefined;
beforeAll(async () => {
  services = await ensureServices();
  tls = makeTlsMaterial(dir);
  broker = await startBroker(join(dir, "broker"), { tls, plainUsers: { casepulse: SECRET.kafka }, scramUsers: { casepulse: SECRET.scram } });
  redis = await startRedis(dir, { password: SECRET.redis });
});
afterAll(async () => {
  await broker?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
  await services?.stop();
});

/** Every secret set, plus one bad variable: the error must name the variable and show no secret. */
const WITH_SECRETS = {
  KAFKA_SASL_MECHANISM: "plain",
  KAFKA_SASL_USERNAME: "casepulse",
  KAFKA_SASL_PASSWORD: SECRET.kafka,
  CLICKHOUSE_PASSWORD: SECRET.clickhouse,
  CASEPULSE_PII_KEY: SECRET.pii,
  REDIS_URL: `redis://:${SECRET.redis}@127.0.0.1:1`,
  ALERT_WEBHOOK_URL: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${SECRET.webhook}`,
};

describe("access: secrets stay out of errors, logs and metrics", () => {
  const BAD: { bad: Record<string, string>; names: string }[] = [
    { bad: { CASEPULSE_JOB_RECORDS: "0" }, names: "CASEPULSE_JOB_RECORDS" },
    { bad: { KAFKA_BROKERS: "no-port" }, names: "KAFKA_BROKERS" },
    { bad: { CASEPULSE_PII_KEY: "pii-short-9x" }, names: "CASEPULSE_PII_KEY" },
    { bad: { CLICKHOUSE_URL: `ftp://casepulse:${SECRET.clickhouse}@ch.internal:8123` }, names: "CLICKHOUSE_URL" },
    { bad: { REDIS_URL: `http://:${SECRET.redis}@cache:6379` }, names: "REDIS_URL" },
    { bad: { ALERT_WEBHOOK_URL: `qyapi.weixin.qq.com/send?key=${SECRET.webhook}` }, names: "ALERT_WEBHOOK_URL" },
    { bad: { KAFKA_SASL_USERNAME: "" }, names: "KAFKA_SASL_USERNAME" },
    { bad: { KAFKA_SSL_CA_FILE: join(dir, "missing-ca.pem") }, names: "KAFKA_SSL_CA_FILE" },
  ];

  it("start with every secret set and one bad variable: one line naming the variable, no secret", async ({ task }) => {
    const problems: string[] = [];
    for (const { bad, names } of BAD) {
      const r = await runCli(["start"], { ...WITH_SECRETS, ...bad, CASEPULSE_DATA: join(dir, "never-opened") });
      const out = r.stdout + r.stderr;
      const shown = [...leaked(out), ...Object.values(bad).filter((v) => v.includes("-9x") && out.includes(v))];
      if (r.code !== 2) problems.push(`${names}: exit ${r.code}`);
      if (r.stderr.trimEnd().split("\n").length !== 1) problems.push(`${names}: not one line: ${r.stderr}`);
      if (!r.stderr.includes(names)) problems.push(`${names}: not named in ${r.stderr}`);
      if (shown.length > 0) problems.push(`${names}: shows ${shown.join(", ")}`);
    }
    record(task, {
      area: "access",
      scenario: "config errors with every secret set",
      figures: { "bad variables": BAD.length, "named on one line, exit 2": BAD.length - new Set(problems.map((p) => p.split(":")[0])).size, "secrets shown": problems.filter((p) => p.includes("shows")).length },
    });
    expect(problems).toEqual([]);
  });

  it("the pipeline over SASL_SSL (private CA) and a password-protected Redis: same figures, no secret in logs or /metrics", async ({ task }) => {
    let run: GeneratedRun | undefined;
    try {
      run = await generatedRun({ kafkaBrokers: broker!.saslSslBrokers!, redisUrl: redis!.url }, "access", {
        seed: 505,
        scale: 0.05,
        env: {
          KAFKA_SSL_CA_FILE: tls.caFile,
          KAFKA_SASL_MECHANISM: "plain",
          KAFKA_SASL_USERNAME: "casepulse",
          KAFKA_SASL_PASSWORD: SECRET.kafka,
          CLICKHOUSE_PASSWORD: SECRET.clickhouse,
          CASEPULSE_PII_KEY: SECRET.pii,
          LOG_LEVEL: "debug",
        },
      });
      const p = run.pipeline;
      const outputs: string[] = [];
      await produceAll(p.env, run.feedsDir);
      const proc = run.start();
      const port = await proc.httpPort;
      await p.waitDrained();
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).text();
      proc.child.kill("SIGTERM");
      const exit = await proc.exit;
      outputs.push(exit.stdout, exit.stderr, metrics, ready);

      const scram = await runCli(["status", "--json"], { ...p.env, KAFKA_SASL_MECHANISM: "scram-sha-256", KAFKA_SASL_PASSWORD: SECRET.scram });
      const wrongKafka = await runCli(["status", "--json"], { ...p.env, KAFKA_SASL_PASSWORD: "wrong-Kafka-pw" });
      const wrongRedis = await runCli(["status", "--json"], { ...p.env, REDIS_URL: redis!.url.replace(encodeURIComponent(SECRET.redis), "wrong-Redis-pw") });
      // Without the private CA the broker's certificate must not be trusted (slow: kafkajs retries).
      const noCa = QUICK ? null : await runCli(["status", "--json"], { ...p.env, KAFKA_SSL_CA_FILE: "", KAFKA_SSL: "true" });
      outputs.push(scram.stdout, scram.stderr, wrongKafka.stderr, wrongRedis.stderr, noCa?.stderr ?? "");
      const comparison = await compareWithReference(run, "exact");
      const leaks = outputs.flatMap((o) => leaked(o));
      record(task, {
        area: "access",
        scenario: "Kafka SASL_SSL + private CA, Redis password",
        figures: {
          "figures vs reference (differences)": comparison.differences.length,
          "SCRAM-SHA-256 status exit": scram.code,
          "wrong Kafka password exit": wrongKafka.code,
          "wrong Redis password exit": wrongRedis.code,
          "no CA exit": noCa?.code ?? "not run (quick)",
          "log lines checked": exit.stderr.split("\n").length,
          "secrets in logs, errors, /metrics": leaks.length,
        },
      });
      expect(exit.code).toBe(0);
      expect(comparison.differences).toEqual([]);
      expect(scram.code, scram.stderr).toBe(0);
      expect(wrongKafka.code).not.toBe(0);
      expect(wrongKafka.stderr).toMatch(/SASL|authentication/i);
      expect(wrongKafka.stderr).not.toContain("wrong-Kafka-pw");
      expect(wrongRedis.code).toBe(1);
      expect(wrongRedis.stderr).toMatch(/WRONGPASS/);
      expect(wrongRedis.stderr).not.toContain("wrong-Redis-pw");
      if (noCa) expect(noCa.code).not.toBe(0);
      expect(leaks).toEqual([]);
    } finally {
      await run?.cleanup();
    }
  });
});

describe("access: the read-only analyst user", () => {
  it("infra/clickhouse/users.d/analyst.xml: password from the environment, readonly=1, SELECT on casepulse only", ({ task }) => {
    const xml = readFileSync(join(ROOT, "infra/clickhouse/users.d/analyst.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
    const user = /<users>\s*<analyst>([\s\S]*?)<\/analyst>/.exec(xml)?.[1] ?? "";
    const profileName = /<profile>(\w+)<\/profile>/.exec(user)?.[1] ?? "";
    const profile = new RegExp(`<${profileName}>([\\s\\S]*?)</${profileName}>`).exec(xml)?.[1] ?? "";
    const grants = [...user.matchAll(/<query>([^<]*)<\/query>/g)].map((m) => m[1]!.trim());
    record(task, { area: "access", scenario: "ClickHouse analyst user (users.d/analyst.xml)", figures: { grants: grants.join("; "), readonly: /<readonly>(\d)<\/readonly>/.exec(profile)?.[1] ?? "none" } });
    expect(user).toMatch(/<password from_env="CLICKHOUSE_ANALYST_PASSWORD"\s*\/>/);
    expect(user).not.toMatch(/<password>|password_sha256_hex/);
    expect(profile).toMatch(/<readonly>1<\/readonly>/);
    expect(grants).toEqual(["GRANT SELECT ON casepulse.*"]);
    expect(user).toMatch(/<access_management>0<\/access_management>/);
    // The compose file hands the password to the server and mounts the folder.
    const compose = readFileSync(join(ROOT, "docker-compose.yml"), "utf8");
    expect(compose).toContain("./infra/clickhouse/users.d:/etc/clickhouse-server/users.d:ro");
    expect(compose).toMatch(/CLICKHOUSE_ANALYST_PASSWORD: \$\{CLICKHOUSE_ANALYST_PASSWORD/);
  });
});
