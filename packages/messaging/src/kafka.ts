// All Kafka access goes through this module, so the client library (kafkajs, in maintenance
// upstream) can be swapped without touching the services.
import { Kafka, Partitioners, logLevel, type Consumer, type KafkaConfig, type Producer, type SASLOptions } from "kafkajs";

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** TLS: on with the system's CAs, or with these CA certificates (PEM) for a private CA. */
  ssl: boolean | { ca: string[] };
  /** A dead consumer's partitions move to the others after this long (ms); default 30 s. */
  sessionTimeoutMs?: number;
  sasl?: { mechanism: "plain" | "scram-sha-256" | "scram-sha-512"; username: string; password: string } | undefined;
}

export interface KafkaGateway {
  producer(): Producer;
  consumer(groupId: string): Consumer;
  ensureTopics(topics: string[], partitions?: number): Promise<void>;
  /** Total consumer-group lag over the topics: end offsets minus committed offsets. */
  lag(groupId: string, topics: string[]): Promise<number>;
}

export function createKafkaGateway(settings: KafkaSettings, onLog?: (level: string, message: string, extra: object) => void): KafkaGateway {
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl as SASLOptions | undefined,
    retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      // kafkajs logs every error answer of the broker at ERROR, also those it retries and recovers
      // from (coordinator loading, rebalancing); they are warnings until a retry gives up.
      const retried = namespace === "Connection" && message.startsWith("Response");
      const mapped = level <= logLevel.ERROR && !retried ? "error" : level <= logLevel.WARN ? "warn" : "info";
      onLog?.(mapped, message, { namespace, ...extra });
    },
  };
  const kafka = new Kafka(config);

  return {
    producer: () => kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner }),
    consumer: (groupId) =>
      kafka.consumer({
        groupId,
        sessionTimeout: settings.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: Math.min(3_000, Math.floor((settings.sessionTimeoutMs ?? 30_000) / 3)),
        rebalanceTimeout: 60_000,
        maxBytesPerPartition: 1 << 20,
        // A fetch waits up to 250 ms for 256 KiB instead of returning each few messages: at a
        // steady trickle every fetch became its own tiny normalize job, and the per-job cost of
        // storing outran the rate (docs/performance.md). A backlog still fills fetches at once.
        minBytes: 256 * 1024,
        maxWaitTimeInMs: 250,
      }),
    async ensureTopics(topics, partitions = 3) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length) {
          await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
        }
      } finally {
        await admin.disconnect();
      }
    },
    async lag(groupId, topics) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        let total = 0;
        for (const topic of topics.filter((t) => existing.has(t))) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          for (const end of ends) {
            const mine = committed?.partitions.find((p) => p.partition === end.partition);
            const at = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
            total += Math.max(0, Number(end.high) - at);
          }
        }
        return total;
      } finally {
        await admin.disconnect();
      }
    },
  };
}
