// Produces hotline records at a set rate for a set time, straight through kafkajs: faster than the
// pipeline can store them, so its back-pressure is what keeps memory bounded.
import { createKafkaGateway } from "@casepulse/kafka";

export interface LoadResult {
  sent: number;
  valid: number;
  invalid: number;
  seconds: number;
}

/** Every 100th record lacks its event: a reject, so the dead-letter path is loaded too. */
function recordAt(n: number): { key: string; value: string; valid: boolean } {
  const valid = n % 100 !== 99;
  const base = { msg_id: `load-${n}`, order_id: `LOAD-${n}`, event_time: "2021-05-01 10:00:00", unit: "街道城管办" };
  return { key: base.order_id, value: JSON.stringify(valid ? { ...base, event: "派发" } : base), valid };
}

export async function produceAtRate(brokers: string, topic: string, perSecond: number, seconds: number, onTick?: () => void): Promise<LoadResult> {
  const gateway = createKafkaGateway({ brokers: brokers.split(","), clientId: "reliability-load", ssl: false });
  await gateway.ensureTopics([topic]);
  const producer = gateway.producer();
  await producer.connect();
  const started = Date.now();
  let sent = 0;
  let valid = 0;
  try {
    while (Date.now() - started < seconds * 1000) {
      const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
      if (due <= sent) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const messages = [];
      for (let n = sent; n < Math.min(due, sent + 2000); n += 1) {
        const r = recordAt(n);
        if (r.valid) valid += 1;
        messages.push({ key: r.key, value: r.value });
      }
      await producer.send({ topic, acks: -1, messages });
      sent += messages.length;
      onTick?.();
    }
  } finally {
    await producer.disconnect();
  }
  return { sent, valid, invalid: sent - valid, seconds: (Date.now() - started) / 1000 };
}
