// kafkajs 2.2.4 schedules its check of throttled requests at `throttledUntil - Date.now()`, a
// negative delay whenever no throttle is on (throttledUntil starts at -1), and Node 24 warns of
// every such timer (TimeoutNegativeWarning, kafkajs#1751): a line on stderr of every client that
// connects. patches/kafkajs@2.2.4.patch gives the timer the delay Node would use (1 ms).
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const RequestQueue = require("kafkajs/src/network/requestQueue/index.js") as new (options: Record<string, unknown>) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  scheduleCheckPendingRequests(): void;
};

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const queues: InstanceType<typeof RequestQueue>[] = [];
const queue = () => {
  const q = new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1000, enforceRequestTimeout: true, clientId: "t", broker: "b:1", logger, isConnected: () => true });
  queues.push(q);
  return q;
};
afterEach(() => {
  for (const q of queues.splice(0)) if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
});

describe("kafkajs's request queue (patched)", () => {
  it("schedules its check without a negative delay when no throttle is on", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const q = queue();
      expect(q.throttledUntil).toBe(-1);
      q.scheduleCheckPendingRequests();
      expect(q.throttleCheckTimeoutId).not.toBeNull();
      // Node emits its warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((name) => name === "TimeoutNegativeWarning")).toEqual([]);
  });

  it("still waits out a throttle that ends in the future", () => {
    const q = queue();
    q.throttledUntil = Date.now() + 5_000;
    q.scheduleCheckPendingRequests();
    const delay = (q.throttleCheckTimeoutId as unknown as { _idleTimeout: number })._idleTimeout;
    expect(delay).toBeGreaterThan(4_000);
    expect(delay).toBeLessThanOrEqual(5_000);
  });
});
