// The stream's classifying thread (classifier.ts): each request's records classified and
// encoded by classifyEncoded, the reply carrying the same id.
import { parentPort, workerData } from "node:worker_threads";
import { createPiiProtector } from "@casepulse/normalize";
import { classifyEncoded } from "./classify.ts";
import type { ClassifyReply, ClassifyRequest } from "./classifier.ts";

const port = parentPort!;
const pii = createPiiProtector((workerData as { piiKey: string }).piiKey);

port.on("message", (m: ClassifyRequest) => {
  let reply: ClassifyReply;
  try {
    const records = m.sources.map((source, i) => ({ value: m.bytes.subarray(i === 0 ? 0 : m.ends[i - 1], m.ends[i]), source }));
    reply = { id: m.id, batch: classifyEncoded(m.feed, records, pii, m.receivedAt) };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message };
  }
  port.postMessage(reply);
});
