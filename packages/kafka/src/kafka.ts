// All Kafka access goes through this module, so the client library (kafkajs, in maintenance
// upstream) can be swapped without touching the services: what it hands out are its own
// interfaces below, never a kafkajs type.
import { Kafka, Partitioners, logLevel, type Consumer, type KafkaConfig, type SASLOptions } from "kafkajs";

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** TLS: on with the system's CAs, or with these CA certificates (PEM) for a private CA. */
  ssl: boolean | { ca: string[] };
  /** A dead consumer's partitions move to the others after this long (ms); default 30 s. */
  sessionTimeoutMs?: number;
  sasl?: { mechanism: "plain" | "scram-sha-256" | "scram-sha-512"; username: string; password: string } | undefined;
}

export interface OutgoingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

export interface KafkaProducer {
  connect(): Promise<void>;
  /** `acks: -1` waits for every in-sync replica. */
  send(record: { topic: string; messages: OutgoingMessage[]; acks?: number }): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumedMessage {
  key: Buffer | null;
  value: Buffer | null;
  offset: string;
}

/** One fetch of one partition, with the controls its handler needs to hold and resolve it. */
export interface ConsumedBatch {
  batch: { topic: string; partition: number; messages: ConsumedMessage[] };
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  /** True after a rebalance took the partition away: the rest of the batch is not this member's. */
  isStale(): boolean;
  resolveOffset(offset: string): void;
}

export interface ConsumerCrash {
  error: Error | undefined;
  /** Whether the client restarts the consumer by itself. */
  restart: boolean;
}

export interface KafkaConsumer {
  onGroupJoin(listener: () => void): void;
  onCrash(listener: (crash: ConsumerCrash) => void): void;
  connect(): Promise<void>;
  subscribe(topics: string[], options: { fromBeginning: boolean }): Promise<void>;
  /** Hands each fetched batch to `eachBatch`; nothing is committed or resolved for it. */
  runBatches(eachBatch: (payload: ConsumedBatch) => Promise<void>): Promise<void>;
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface KafkaGateway {
  producer(): KafkaProducer;
  consumer(groupId: string): KafkaConsumer;
  ensureTopics(topics: string[], partitions?: number): Promise<void>;
  /** Total consumer-group lag over the topics: end offsets minus committed offsets. */
  lag(groupId: string, topics: string[]): Promise<number>;
}

/** Offsets are the caller's to commit, after its own work is safe (autoCommit off). */
function manualCommitConsumer(consumer: Consumer): KafkaConsumer {
  return {
    onGroupJoin: (listener) => void consumer.on(consumer.events.GROUP_JOIN, () => listener()),
    onCrash: (listener) => void consumer.on(consumer.events.CRASH, (e) => listener({ error: e.payload.error, restart: e.payload.restart })),
    connect: () => consumer.connect(),
    subscribe: (topics, { fromBeginning }) => consumer.subscribe({ topics, fromBeginning }),
    runBatches: (eachBatch) =>
      consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: ({ batch, heartbeat, isRunning, isStale, resolveOffset }) =>
          eachBatch({
            // The fields of the interface only, not kafkajs' Batch with its own methods.
            batch: { topic: batch.topic, partition: batch.partition, messages: batch.messages.map((m) => ({ key: m.key, value: m.value, offset: m.offset })) },
            heartbeat,
            isRunning,
            isStale,
            resolveOffset,
          }),
      }),
    commitOffsets: (offsets) => consumer.commitOffsets(offsets),
    disconnect: () => consumer.disconnect(),
  };
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
    producer: () => {
      // Wrapped, not handed out: callers get this interface's methods, not the client's object.
      const producer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
      return {
        connect: () => producer.connect(),
        send: async (record) => void (await producer.send(record)),
        disconnect: () => producer.disconnect(),
      };
    },
    consumer: (groupId) =>
      manualCommitConsumer(kafka.consumer({
        groupId,
        sessionTimeout: settings.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: Math.min(3_000, Math.floor((settings.sessionTimeoutMs ?? 30_000) / 3)),
        rebalanceTimeout: 60_000,
        maxBytesPerPartition: 1 << 20,
        // A fetch waits up to 250 ms for 256 KiB instead of returning each few messages: at a
        // steady trickle every fetch became its own tiny store job, and the per-job cost of
        // storing outran the rate (docs/performance.md). A backlog still fills fetches at once.
        minBytes: 256 * 1024,
        maxWaitTimeInMs: 250,
      })),
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
