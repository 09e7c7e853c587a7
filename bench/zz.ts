import { ingestFile } from "@casepulse/ingestion";
import { migrate, openStore } from "@casepulse/store";
import { rmSync } from "node:fs";
const file = ".casepulse/bench/cache/stream/feeds-seed20250101-scale3.1-hotline-50000.jsonl";
for (const batchSize of [50000, 5000, 50000, 5000]) {
  rmSync("/tmp/zzdata", { recursive: true, force: true });
  const store = await openStore({ dataDir: "/tmp/zzdata", database: "zz" });
  await migrate(store);
  const t0 = performance.now();
  const r = await ingestFile({ store, piiKey: "k".repeat(32), feed: "hotline", path: file, readInEngine: true, batchSize });
  console.log(batchSize, (performance.now() - t0).toFixed(0), "ms", r.received);
  await store.close();
}
