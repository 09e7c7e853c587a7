import { describe, expect, it } from "vitest";
import type { Store } from "@casepulse/store";
import { engineReadsFile } from "./ingest-file-in-engine.ts";

const embedded = { embedded: true } as Store;
const server = { embedded: false } as Store;

describe("engineReadsFile", () => {
  it.each([
    { store: embedded, feed: "hotline", path: "/data/hotline-2024.jsonl", reads: true },
    { store: embedded, feed: "hotline", path: "exports/hotline.jsonl", reads: true },
    { store: server, feed: "hotline", path: "/data/hotline.jsonl", reads: false },
    { store: embedded, feed: "mediation", path: "/data/mediation.jsonl", reads: false },
    { store: embedded, feed: "litigation", path: "/data/litigation.jsonl", reads: false },
    { store: embedded, feed: "hotline", path: "/data/hotline*.jsonl", reads: false },
    { store: embedded, feed: "hotline", path: "/data/hotline?.jsonl", reads: false },
    { store: embedded, feed: "hotline", path: "/data/hotline{1,2}.jsonl", reads: false },
    { store: embedded, feed: "hotline", path: "/data/{2024}/hotline.jsonl", reads: false },
  ] as const)("$feed at $path (embedded: $store.embedded): $reads", ({ store, feed, path, reads }) => {
    expect(engineReadsFile(store, feed, path)).toBe(reads);
  });
});
