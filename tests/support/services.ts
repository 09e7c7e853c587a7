// The real Kafka and Redis for integration tests, in this order: the URLs in the environment
// (KAFKA_BROKERS, REDIS_URL); else testcontainers where a Docker engine answers; else the local
// services of `pnpm infra:up` (started here when nothing answers). Never a silent skip.
import { execFileSync, spawnSync } from "node:child_process";
import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";

export interface Services {
  kafkaBrokers: string;
  redisUrl: string;
  how: "env" | "testcontainers" | "infra-up";
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function answers(hostPort: string, timeoutMs = 1000): Promise<boolean> {
  const [host, port] = hostPort.split(":");
  return new Promise((resolve) => {
    const socket = createConnection({ host, port: Number(port), timeout: timeoutMs });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function dockerAnswers(): boolean {
  return spawnSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 }).status === 0;
}

async function fromTestcontainers(): Promise<Services> {
  const { GenericContainer, Wait } = await import("testcontainers");
  const redis = await new GenericContainer("redis:7.4.11").withExposedPorts(6379).start();
  const kafka = await new GenericContainer("apache/kafka:4.1.1")
    .withExposedPorts({ container: 9092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: "1",
      KAFKA_PROCESS_ROLES: "broker,controller",
      KAFKA_LISTENERS: "PLAINTEXT://:9092,CONTROLLER://:9093",
      KAFKA_ADVERTISED_LISTENERS: "PLAINTEXT://127.0.0.1:19092",
      KAFKA_CONTROLLER_LISTENER_NAMES: "CONTROLLER",
      KAFKA_CONTROLLER_QUORUM_VOTERS: "1@localhost:9093",
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: "1",
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: "0",
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return {
    kafkaBrokers: "127.0.0.1:19092",
    redisUrl: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
    how: "testcontainers",
    stop: async () => {
      await kafka.stop();
      await redis.stop();
    },
  };
}

export async function ensureServices(): Promise<Services> {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  const redisUrl = process.env.REDIS_URL;
  if (kafkaBrokers && redisUrl) return { kafkaBrokers, redisUrl, how: "env", stop: async () => {} };
  const localKafka = kafkaBrokers ?? "127.0.0.1:9092";
  const localRedis = redisUrl ?? "redis://127.0.0.1:6379";
  const redisHostPort = new URL(localRedis).host;
  if ((await answers(localKafka.split(",")[0]!)) && (await answers(redisHostPort))) {
    return { kafkaBrokers: localKafka, redisUrl: localRedis, how: "infra-up", stop: async () => {} };
  }
  if (dockerAnswers()) return fromTestcontainers();
  // No Docker engine: bring up the real local broker and Redis; fails loudly if it cannot.
  execFileSync("bash", ["infra/scripts/infra-up.sh"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, KAFKA_BROKERS: localKafka, REDIS_URL: localRedis } });
  return { kafkaBrokers: localKafka, redisUrl: localRedis, how: "infra-up", stop: async () => {} };
}
