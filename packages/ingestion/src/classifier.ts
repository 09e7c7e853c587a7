// Where the stream's records are classified and encoded: on the calling thread, or on a worker
// thread of their own. The stream's process runs Kafka, BullMQ and the store's statements on one
// JavaScript thread, which was busy 92% of the stream bench's throughput phase, and classifying
// was the largest share of it (docs/performance.md); on a thread of its own it runs beside them.
// Either way it is classifyEncoded, with the same key: what is stored does not depend on where.
import type { ResourceLimits, Worker } from "node:worker_threads";
import type { Feed } from "@casepulse/feeds";
import { createPiiProtector, type PiiProtector } from "@casepulse/normalize";
import type { EncodedEvents, RejectedRecord } from "@casepulse/store";
import { classifyEncoded, type RawRecord } from "./classify.ts";
import { startWorker } from "./start-worker.ts";

export type ClassifiedBatch = EncodedEvents & { rejected: RejectedRecord[] };

export interface Classifier {
  classify(feed: Feed, records: readonly RawRecord[], receivedAt?: number): Promise<ClassifiedBatch>;
  close(): Promise<void>;
}

/** Classifies on the calling thread. */
export function inlineClassifier(pii: PiiProtector): Classifier {
  return {
    classify: async (feed, records, receivedAt) => classifyEncoded(feed, records, pii, receivedAt),
    close: async () => {},
  };
}

/** A request to the classifying thread: the records' bytes end to end, where each ends, their sources. */
export interface ClassifyRequest {
  id: number;
  feed: Feed;
  bytes: Uint8Array;
  ends: Uint32Array;
  sources: string[];
  receivedAt: number;
}

export type ClassifyReply = { id: number; batch: ClassifiedBatch } | { id: number; error: string };

/**
 * The classifying thread's heap. Left to V8's defaults (sized from the machine's memory) the
 * thread's old generation grew by about 170 MB in the stream bench before collecting; held to
 * 64 MB plus 4 KB a record of the largest request it is sent, it held the process's peak within
 * 30-50 MB of classifying on the main thread, as fast as unbounded (docs/performance.md). A
 * request of `requestRecords` records holds about 2 KB a record at once.
 */
export function classifyThreadLimits(requestRecords: number): ResourceLimits {
  return { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 + Math.ceil((requestRecords * 4) / 1024) };
}

/**
 * Classifies on a worker thread (classify-thread.ts), started on first use and again after it
 * ended: a thread that dies fails the requests it held, not the ones after. The records' bytes
 * are moved to the thread, not copied. `requestRecords`: the most records one call passes.
 */
export function threadClassifier(piiKey: string, requestRecords = 5000): Classifier {
  // Made here once: a key that cannot be used fails where the classifier is made, not on the thread.
  createPiiProtector(piiKey);
  let worker: Worker | null = null;
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, { resolve: (b: ClassifiedBatch) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const start = (): Worker => {
    const w = startWorker("classify-thread", { piiKey }, classifyThreadLimits(requestRecords));
    w.on("message", (m: ClassifyReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ("error" in m) p.reject(new Error(`classifying thread: ${m.error}`));
      else p.resolve(m.batch);
    });
    w.on("error", (err) => failAll(new Error(`classifying thread failed: ${err.message}`)));
    w.on("exit", (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`classifying thread exited (${code})`));
    });
    // The thread keeps no request alive by itself: an idle process may end.
    w.unref();
    return w;
  };
  return {
    classify(feed, records, receivedAt = Date.now()) {
      if (closed) return Promise.reject(new Error("the classifier is closed"));
      const encoded = records.map((r) => (typeof r.value === "string" ? Buffer.from(r.value, "utf8") : r.value));
      const ends = new Uint32Array(encoded.length);
      let size = 0;
      encoded.forEach((v, i) => (ends[i] = size += v.byteLength));
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const v of encoded) {
        bytes.set(v, at);
        at += v.byteLength;
      }
      const id = (nextId += 1);
      const request: ClassifyRequest = { id, feed, bytes, ends, sources: records.map((r) => r.source), receivedAt };
      return new Promise<ClassifiedBatch>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker ??= start();
        worker.ref();
        worker.postMessage(request, [bytes.buffer, ends.buffer]);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      await w?.terminate();
      failAll(new Error("the classifier is closed"));
    },
  };
}
