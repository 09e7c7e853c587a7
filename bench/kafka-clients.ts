// `node --import tsx bench/kafka-clients.ts [--messages N] [--runs R]`: kafkajs against
// @platformatic/kafka on the same broker (KAFKA_BROKERS, default 127.0.0.1:9092) and messages.
//
// The messages are the stream bench's own hotline events (bench/feed-files.ts, keyed by order id
// as `casepulse produce` keys them). One fresh topic of 3 partitions is filled with them once
// (untimed); then each run, with the two libraries in alternating order, measures:
//   - consume: a plain consumer in a fresh group reads the whole topic from the beginning, no
//     processing (kafkajs: eachBatch, as the bench's baseline; @platformatic/kafka: its stream
//     Consumer, counting 'data' events). Timed from subscribe (kafkajs subscribe + run, platformatic
//     consume()) to the last message; connecting happens before the timer for both.
//   - produce: the N messages into a fresh 3-partition topic, 500 per send awaited in turn (as
//     `casepulse produce` sends), acks -1 (all). Timed from the first send to the last ack.
// One line per run and library, then one JSON line with the medians. All topics and groups the
// script created are deleted at the end.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { CONTRACTS } from "@casepulse/feeds";
import {
  Consumer as PlatformaticConsumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  ProduceAcks,
  Producer as PlatformaticProducer,
} from "@platformatic/kafka";
import { Partitioners, type Kafka } from "kafkajs";
import { hotlineFile, streamFile } from "./feed-files.ts";
import { consumeToEnd, kafkaClient } from "./kafka-tools.ts";
import { BenchUsageError } from "./options.ts";
import { median } from "./stats.ts";

const USAGE = `usage: node --import tsx bench/kafka-clients.ts [--messages N] [--runs R]

  --messages N    messages produced and consumed per measurement (default 500000)
  --runs R        runs per library, alternating which goes first; medians reported (default 3)
  -h, --help      this text

Uses the Kafka at KAFKA_BROKERS (default 127.0.0.1:9092).`;

const PARTITIONS = 3;
const SEND_BATCH = 500;
const LIBRARIES = ["kafkajs", "platformatic"] as const;
type Library = (typeof LIBRARIES)[number];

interface Event {
  key: Buffer | null;
  value: Buffer;
}

function parseArgs(args: readonly string[]): { messages: number; runs: number } | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i]!;
    if (flag === "--") continue;
    if (flag !== "--messages" && flag !== "--runs") throw new BenchUsageError(`unknown argument ${flag}: expected --messages N, --runs R (see --help)`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new BenchUsageError(`${flag} needs a value`);
    values[flag] = value;
    i += 1;
  }
  const positive = (flag: string, fallback: number) => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) throw new BenchUsageError(`${flag} ${raw}: must be a positive integer`);
    return n;
  };
  return { messages: positive("--messages", 500_000), runs: positive("--runs", 3) };
}

/** The stream bench's generated hotline events, read whole into memory (not timed). */
async function loadEvents(count: number): Promise<Event[]> {
  const file = await streamFile(await hotlineFile(3.1), count);
  const keyField = CONTRACTS.hotline.key;
  const events: Event[] = [];
  for (const line of readFileSync(file.path, "utf8").split("\n")) {
    if (line === "") continue;
    let key: Buffer | null = null;
    try {
      const id = (JSON.parse(line) as Record<string, unknown>)[keyField];
      if (typeof id === "string") key = Buffer.from(id);
    } catch {
      // A malformed line goes unkeyed, as `casepulse produce` sends it.
    }
    events.push({ key, value: Buffer.from(line) });
  }
  return events.slice(0, count);
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function produceKafkajs(kafka: Kafka, topic: string, events: readonly Event[]): Promise<number> {
  const sends = batches(events, SEND_BATCH);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const started = performance.now();
    for (const messages of sends) await producer.send({ topic, acks: -1, messages });
    return performance.now() - started;
  } finally {
    await producer.disconnect();
  }
}

async function producePlatformatic(brokers: string[], topic: string, events: readonly Event[]): Promise<number> {
  const sends = batches(
    events.map((e) => ({ topic, key: e.key ?? undefined, value: e.value })),
    SEND_BATCH,
  );
  const producer = new PlatformaticProducer({ clientId: "casepulse-bench", bootstrapBrokers: brokers, acks: ProduceAcks.ALL });
  try {
    // Connections are made lazily; a metadata request connects before the timer starts.
    await producer.metadata({ topics: [topic] });
    const started = performance.now();
    for (const messages of sends) await producer.send({ messages, acks: ProduceAcks.ALL });
    return performance.now() - started;
  } finally {
    await producer.close();
  }
}

async function consumePlatformatic(brokers: string[], topic: string, groupId: string, count: number): Promise<number> {
  const consumer = new PlatformaticConsumer({ groupId, clientId: "casepulse-bench", bootstrapBrokers: brokers });
  try {
    await consumer.metadata({ topics: [topic] });
    const started = performance.now();
    // A fresh group has no committed offsets, so it starts from the earliest (like fromBeginning).
    const stream = await consumer.consume({
      topics: [topic],
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: MessagesStreamFallbackModes.EARLIEST,
    });
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      stream.on("data", () => {
        seen += 1;
        if (seen === count) resolve();
      });
      stream.on("error", reject);
    });
    return performance.now() - started;
  } finally {
    await consumer.close(true);
  }
}

interface Run {
  consume_per_s: number;
  produce_per_s: number;
}

async function main(messages: number, runs: number): Promise<void> {
  const brokerList = process.env.KAFKA_BROKERS || "127.0.0.1:9092";
  const brokers = brokerList.split(",");
  const kafka = kafkaClient(brokerList);
  const id = `bench-clients-${randomBytes(4).toString("hex")}`;
  const topic = id;
  const topics = new Set<string>();
  const groups: string[] = [];
  const admin = kafka.admin();
  await admin.connect();
  const createTopic = async (name: string) => {
    topics.add(name);
    await admin.createTopics({ topics: [{ topic: name, numPartitions: PARTITIONS }], waitForLeaders: true });
  };
  try {
    const events = await loadEvents(messages);
    if (events.length < messages) throw new Error(`only ${events.length} events for --messages ${messages}`);
    const bytes = events.reduce((sum, e) => sum + e.value.length, 0);
    console.log(`${messages} hotline events (mean ${(bytes / messages).toFixed(0)} bytes), ${runs} run(s), topic ${topic}`);
    await createTopic(topic);
    await produceKafkajs(kafka, topic, events);

    const results: Record<Library, Run[]> = { kafkajs: [], platformatic: [] };
    for (let run = 0; run < runs; run += 1) {
      const order = run % 2 === 0 ? LIBRARIES : [...LIBRARIES].reverse();
      for (const library of order) {
        const groupId = `${id}-${library}-${run + 1}`;
        groups.push(groupId);
        const consumeMs =
          library === "kafkajs"
            ? await consumeToEnd(kafka, topic, groupId, messages, "subscribe")
            : await consumePlatformatic(brokers, topic, groupId, messages);
        const produceTopic = `${id}-produce-${library}-${run + 1}`;
        await createTopic(produceTopic);
        const produceMs =
          library === "kafkajs"
            ? await produceKafkajs(kafka, produceTopic, events)
            : await producePlatformatic(brokers, produceTopic, events);
        await admin.deleteTopics({ topics: [produceTopic] });
        topics.delete(produceTopic);
        const r = { consume_per_s: messages / (consumeMs / 1000), produce_per_s: messages / (produceMs / 1000) };
        results[library].push(r);
        console.log(
          `run ${run + 1} ${library}: consume ${r.consume_per_s.toFixed(0)}/s (${(consumeMs / 1000).toFixed(2)} s), ` +
            `produce ${r.produce_per_s.toFixed(0)}/s (${(produceMs / 1000).toFixed(2)} s)`,
        );
      }
    }
    const summary = (rs: Run[]) => ({
      consume_per_s: Math.round(median(rs.map((r) => r.consume_per_s))),
      produce_per_s: Math.round(median(rs.map((r) => r.produce_per_s))),
    });
    console.log(JSON.stringify({ messages, kafkajs: summary(results.kafkajs), platformatic: summary(results.platformatic) }));
  } finally {
    if (topics.size) await admin.deleteTopics({ topics: [...topics] });
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }
}

let options: { messages: number; runs: number } | "help";
try {
  options = parseArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof BenchUsageError)) throw err;
  console.error(`kafka-clients: ${err.message}`);
  process.exit(2);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}
await main(options.messages, options.runs);
// Both clients may keep sockets in their pools a moment longer; the work is done.
process.exit(0);
