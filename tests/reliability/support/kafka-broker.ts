// A second Apache Kafka broker for one test file, from the jars `pnpm infra:up` cached (never the
// shared broker on 9092, which others use): KRaft single node on free loopback ports, data in the
// test's temp dir, restartable on the same data. Optionally a SASL_SSL listener with users.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { ROOT } from "../../support/cli.ts";
import { freePort, startDaemon, waitFor, type Daemon } from "./processes.ts";
import type { TlsMaterial } from "./tls-material.ts";

const LIB = join(process.env.CASEPULSE_INFRA_DIR ?? join(ROOT, ".casepulse"), "kafka", "lib");
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";

export interface SaslListener {
  tls: TlsMaterial;
  /** PLAIN users (name → password). */
  plainUsers: Record<string, string>;
  /** SCRAM-SHA-256 users, written into the metadata when the storage is formatted. */
  scramUsers: Record<string, string>;
}

export interface TestBroker {
  /** host:port of the PLAINTEXT listener. */
  brokers: string;
  /** host:port of the SASL_SSL listener, when asked for. */
  saslSslBrokers?: string;
  logFile: string;
  restart(signal: NodeJS.Signals, downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function javaTool(args: string[]): string {
  return execFileSync(JAVA, ["-Xmx256m", "-XX:TieredStopAtLevel=1", `-Dlog4j2.configurationFile=${ROOT}/infra/kafka/log4j2-tools.xml`, "-cp", `${LIB}/*`, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

async function answers(brokers: string): Promise<boolean> {
  const admin = new Kafka({ clientId: "reliability-probe", brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } finally {
    await admin.disconnect();
  }
}

export async function startBroker(dir: string, sasl?: SaslListener): Promise<TestBroker> {
  if (!existsSync(LIB) || !readdirSync(LIB).some((f) => f.startsWith("kafka_2.13-"))) {
    throw new Error(`no cached Kafka jars in ${LIB}: run \`pnpm infra:up\` once (it fetches them with Maven)`);
  }
  const [port, controller, saslPort] = [await freePort(), await freePort(), await freePort()];
  const data = join(dir, "data");
  const logs = join(dir, "logs");
  mkdirSync(logs, { recursive: true });
  const listeners = [`PLAINTEXT://127.0.0.1:${port}`, `CONTROLLER://127.0.0.1:${controller}`];
  const advertised = [`PLAINTEXT://127.0.0.1:${port}`];
  const extra: string[] = [];
  if (sasl) {
    listeners.push(`SASL_SSL://127.0.0.1:${saslPort}`);
    advertised.push(`SASL_SSL://127.0.0.1:${saslPort}`);
    const plain = Object.entries(sasl.plainUsers).map(([u, p]) => `user_${u}="${p}"`).join(" ");
    extra.push(
      "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL",
      "sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256",
      `listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required ${plain};`,
      "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
      "ssl.keystore.type=PEM",
      `ssl.keystore.location=${sasl.tls.keystoreFile}`,
    );
  }
  const conf = join(dir, "server.properties");
  writeFileSync(
    conf,
    [
      readFileSync(join(ROOT, "infra/kafka/server.properties"), "utf8"),
      "# reliability test broker",
      `log.dirs=${data}`,
      `listeners=${listeners.join(",")}`,
      `advertised.listeners=${advertised.join(",")}`,
      `controller.quorum.voters=1@127.0.0.1:${controller}`,
      ...extra,
      "",
    ].join("\n"),
  );
  const scram = Object.entries(sasl?.scramUsers ?? {}).flatMap(([u, p]) => ["--add-scram", `SCRAM-SHA-256=[name=${u},password=${p}]`]);
  javaTool(["kafka.tools.StorageTool", "format", "--cluster-id", javaTool(["kafka.tools.StorageTool", "random-uuid"]), "--config", conf, ...scram]);

  const brokers = `127.0.0.1:${port}`;
  let daemon: Daemon | undefined;
  const start = async () => {
    daemon = startDaemon("kafka", JAVA, [
      "-Xms128m", "-Xmx384m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${ROOT}/infra/kafka/log4j2.xml`, `-Dkafka.logs.dir=${logs}`,
      "-cp", `${LIB}/*`, "kafka.Kafka", conf,
    ], { cwd: dir });
    const d = daemon;
    await waitFor(`Kafka broker on ${brokers}`, async () => {
      if (d.child.exitCode !== null) throw new Error(`broker exited with ${d.child.exitCode}; see ${logs}/server.log`);
      return answers(brokers);
    }, 90_000, 300);
  };
  await start();
  return {
    brokers,
    saslSslBrokers: sasl ? `127.0.0.1:${saslPort}` : undefined,
    logFile: join(logs, "server.log"),
    async restart(signal, downMs = 0) {
      await daemon?.stop(signal, 60_000);
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    stop: async () => daemon?.stop("SIGTERM", 30_000),
  };
}
