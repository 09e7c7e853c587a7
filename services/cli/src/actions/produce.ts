// What `casepulse produce` does; its definition (commands/produce.ts) loads this when it runs.
import { CONTRACTS, type Feed } from "@casepulse/feeds";
import { readLines } from "@casepulse/ingestion";
import type { ProduceOptions } from "../commands/produce.ts";
import { openStreamContext } from "../stream-context.ts";
import { UsageError } from "../usage-error.ts";
import { withExport } from "./read-export.ts";

/** The partition key: the order, case or item id when the record has one, else none (round robin). */
function keyOf(feed: Feed, value: Buffer): string | null {
  try {
    const id = (JSON.parse(value.toString("utf8")) as Record<string, unknown>)[CONTRACTS[feed].key];
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

export async function produce(opts: ProduceOptions): Promise<void> {
  const batch = Number(opts.batch);
  // NaN never flushed before the end of the file, 0 or less sent one message at a time.
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError(`--batch ${opts.batch}: must be a positive integer`);
  // The export is read whole first: a file that cannot be read sends nothing.
  await withExport(opts, async (exported) => {
    const ctx = openStreamContext();
    const topic = ctx.names.topics[opts.source];
    await ctx.kafka.ensureTopics([topic]);
    const producer = ctx.kafka.producer();
    await producer.connect();
    let sent = 0;
    let pending: { key: string | null; value: Buffer }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await producer.send({ topic, acks: -1, messages: pending });
      sent += pending.length;
      pending = [];
    };
    try {
      // JSON lines go as read, byte for byte; a spreadsheet's rows as their records' JSON.
      for await (const line of readLines(exported.path)) {
        pending.push({ key: keyOf(opts.source, line.value), value: line.value });
        if (pending.length >= batch) await flush();
      }
      await flush();
    } finally {
      await producer.disconnect();
    }
    console.log(opts.json ? JSON.stringify({ source: opts.source, file: opts.file, topic, messages: sent }) : `${opts.source}: ${sent} messages published to ${topic}`);
  });
}
