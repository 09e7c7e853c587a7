import { describe, expect, it } from "vitest";
import type { RejectedRecord } from "@casepulse/store";
import { joinBatches, type EncodedBatch } from "./write-batch.ts";

const letter = (source: string, id?: string): RejectedRecord => ({
  feed: "hotline", source, receivedAt: 0, reason: "not JSON", msgId: null, byteSize: 3, preview: null, sealed: "x", ...(id ? { id } : {}),
});

const batch = (name: string, rows: number, letters: RejectedRecord[] = []): EncodedBatch => ({
  batchId: `kafka:raw.hotline:0:${name}`,
  source: "kafka:raw.hotline",
  received: rows + letters.length,
  msgIds: Array.from({ length: rows }, (_, i) => `${name}-m${i}`),
  keys: Array.from({ length: rows }, (_, i) => `${name}-o${i}`),
  lines: Array.from({ length: rows }, (_, i) => `{"n":"${name}-${i}"}`),
  rejected: letters,
});

describe("joinBatches", () => {
  const a = batch("a", 2, [letter("s:1"), letter("s:2")]);
  const b = batch("b", 3, [letter("s:3")]);
  const c = batch("c", 1);

  it("keeps a lone batch as it is", () => {
    expect(joinBatches("hotline", [a])).toBe(a);
  });

  it("concatenates the rows in order and keeps one count row per batch under its own id", () => {
    const joined = joinBatches("hotline", [a, b]);
    expect(joined.msgIds).toEqual([...a.msgIds, ...b.msgIds]);
    expect(joined.keys).toEqual([...a.keys, ...b.keys]);
    expect(joined.lines).toEqual([...a.lines, ...b.lines]);
    expect(joined.received).toBe(a.received + b.received);
    expect(joined.counts).toEqual([
      { batchId: a.batchId, feed: "hotline", source: a.source, received: 4, rejected: 2 },
      { batchId: b.batchId, feed: "hotline", source: b.source, received: 4, rejected: 1 },
    ]);
  });

  it("gives each dead letter the id its own batch gives it, and keeps ids already given", () => {
    const withId = batch("d", 0, [letter("s:4", "00000000-0000-5000-a000-000000000001")]);
    const first = joinBatches("hotline", [a, b, withId]).rejected.map((r) => r.id);
    const other = joinBatches("hotline", [b, c, a]).rejected.map((r) => r.id);
    expect(new Set(first).size).toBe(4);
    expect(first[3]).toBe("00000000-0000-5000-a000-000000000001");
    // a's and b's letters have the same ids whatever they were joined with.
    expect(other).toEqual([first[2], first[0], first[1]]);
  });

  it("names the joined batch by every batch in it and their order", () => {
    const ids = [[a, b], [a, c], [b, a], [a, b, c]].map((set) => joinBatches("hotline", set).batchId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(joinBatches("hotline", [a, b]).batchId).toBe(ids[0]);
  });

  it("passes a replay's own counts through", () => {
    const replay = { ...c, counts: [{ batchId: "replay:1", feed: "hotline" as const, source: "replay", received: 0, rejected: -1 }] };
    expect(joinBatches("hotline", [a, replay]).counts?.map((r) => r.batchId)).toEqual([a.batchId, "replay:1"]);
  });
});
