// Plain kafkajs for the bench's own Kafka work: the baseline consumer, the paced producer, and
// removing a run's topics and groups afterwards.
import { Kafka, logLevel } from "kafkajs";

export function kafkaClient(brokers: string): Kafka {
  return new Kafka({ clientId: "casepulse-bench", brokers: brokers.split(","), logLevel: logLevel.ERROR });
}

/**
 * The baseline: a consumer group reading the topic from the beginning to the end, with no
 * processing. Timed from before connecting, as the pipeline is timed from before its roles start;
 * `from: "subscribe"` starts the clock once connected (bench/kafka-clients.ts times both clients so).
 */
export async function consumeToEnd(kafka: Kafka, topic: string, groupId: string, count: number, from: "connect" | "subscribe" = "connect"): Promise<number> {
  let started = performance.now();
  const consumer = kafka.consumer({ groupId, maxBytesPerPartition: 1 << 20 });
  await consumer.connect();
  if (from === "subscribe") started = performance.now();
  let seen = 0;
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            seen += batch.messages.length;
            if (seen >= count) resolve();
          },
        })
        .catch(reject);
    });
    return performance.now() - started;
  } finally {
    await consumer.disconnect();
  }
}

/** Sends `count` messages at `rate` per second in 10 ms slices; each message built at its send. */
export async function producePaced(
  kafka: Kafka,
  topic: string,
  rate: number,
  count: number,
  build: (seq: number, sentAt: number) => { key: string; value: string },
): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    const started = Date.now();
    let sent = 0;
    const inFlight = new Set<Promise<unknown>>();
    while (sent < count) {
      const due = Math.min(count, Math.floor(((Date.now() - started) / 1000) * rate));
      if (due > sent) {
        const now = Date.now();
        const messages = [];
        for (; sent < due; sent += 1) messages.push(build(sent, now));
        // Not awaited before the next slice: a slow acknowledgement must not bunch the sends.
        const p = producer.send({ topic, acks: -1, messages }).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
}

export async function removeRun(kafka: Kafka, topics: string[], groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    if (present.length) await admin.deleteTopics({ topics: present });
    await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
