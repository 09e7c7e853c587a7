// The engine's SQL accepter against validateRecord: generated feed lines (with their malformed
// ones), fuzzed records of the reliability model and hand-picked edge cases, in one file. Every
// line the SQL accepts must be one Node accepts, with the same stored row; and the file ingested
// by either path must leave the same rows in every table.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFeeds } from "@casepulse/synthetic";
import { fuzzCase } from "./reliability/model/cases.ts";
import { childJson } from "./support/child-script.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-sql-accept-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const base = { msg_id: "e-1", order_id: "GD1", event: "派发", event_time: "2024-04-01T10:00:00+08:00" };
const line = (fields: Record<string, unknown>) => JSON.stringify({ ...base, ...fields });
/** Edge cases of each rule the SQL spells out: timestamps, blanks, paths, phones, JSON forms. */
const EDGES: string[] = [
  ...[
    "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2100-02-29 00:00:00", "2000-02-29 00:00:00", "2024-04-31 10:00:00",
    "2024-04-00 10:00:00", "2024-13-01 10:00:00", "2024-03-31T24:00:00Z", "2024-03-31T23:60:00Z", "2024-03-31T23:59:60Z",
    "2024-04-01T10:00+08", "2024-04-01T10:00+0830", "2024-04-01T10:00:00-18:00", "2024-04-01T10:00:00+18:59", "2024-04-01T10:00:00+19:00",
    "2024-04-01T10:00:00+08:60", "2024-04-01T10:00:00.5Z", "2024-04-01T10:00:00.123456789Z", "2024-04-01T10:00:00.1234567890Z",
    "1900-01-01T00:00:00Z", "1900-01-01T00:00:00+00:01", "1900-01-01 08:00:00", "1900-01-01 07:59:59", "2299-12-31T23:59:59.999Z",
    "2299-12-31T23:59:59.999-00:01", "2300-01-01T00:00:00Z", "2024-04-01T10:00:00", "2024-04-01 10:00", "2024-04-01t10:00:00Z",
    " 2024-04-01 10:00:00", "2024-04-01 10:00:00 ", "２０２４-04-01 10:00:00", "2024-04-01T10:00:00z",
  ].map((t) => line({ event_time: t })),
  ...["", " ", "\u3000", "\u00a0x", "\u200b", "\u2028", "\ufeff", "x\u0085", "\u180e", "\t\u000b\f\r\n"].flatMap((s) => [
    line({ msg_id: s }),
    line({ unit: s }),
    line({ event: "登记", category: s, community: "湾厦社区", deadline: "2024-04-10 18:00:00" }),
  ]),
  ...["城乡建设/违法建设", "a/b/c", "a", "a/", "/b", "a//b", "a/ /b", "a/\u3000", " a / b "].map((c) =>
    line({ event: "登记", category: c, community: "湾厦社区", deadline: "2024-04-10 18:00:00" }),
  ),
  ...["13800138000", "+86 138-0013-8000", "8613800138000", "86138001380001", "", " ", "无", "１３８", "138\u00000"].map((p) => line({ caller_phone: p })),
  ...["", " ", "x", null].map((c) => line({ content: c })),
  ...["蛇口街道", "", " ", "\u3000", null, 12].map((street) => line({ street })),
  line({ event: "回访" }),
  line({ event: "回访", satisfaction: "满意" }),
  line({ event: "登记", category: "a/b", community: "c" }),
  line({ channel: "电话" }),
  line({ channel: "电话 " }),
  line({ caller_phone: 13800138000 }),
  line({ content: ["x"] }),
  line({ repeat_of: 1 }),
  line({ extra: { deep: [1, 2, 3] }, 备注: "x" }),
  line({ unit: "a\\u00e9" }),
  `{"msg_id":"e-2","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00","unit":"\\u6267\\u6cd5\\u961f"}`,
  `{"msg_id":"e-3","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00","unit":"\\ud800"}`,
  `{"msg_id":"e-4","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00","msg_id":"e-5"}`,
  `{"msg_id":"e-6","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00","n":1e400}`,
  `\ufeff{"msg_id":"e-7","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00"}`,
  `  {"msg_id":"e-8","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00"}`,
  `{"msg_id":"e-9","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00"}\r`,
  `{"msg_id":"e-10","order_id":"GD1","event":"派发","event_time":"2024-04-01T10:00:00+08:00","unit":"tab\there"}`,
  `{"msg_id":"e-1","order_id":"GD1","event":"签收","event_time":"2024-04-01T11:00:00+08:00"}`,
  `[1,2]`,
  `{"msg_id":"e-11"`,
  ``,
  `   `,
];

interface ChildResult {
  lines: { lines: number; nodeAccepted: number; sqlAccepted: number; disagreements: string[]; disagreementCount: number };
  stored: {
    outcomes: Record<string, unknown>;
    diffs: Record<string, { rows: number; onlyEngine: number; onlyNode: number }>;
    slicedDiffs: Record<string, { rows: number; onlyEngine: number; onlyNode: number }>;
    slicedBatches: number;
    sealedEqual: boolean;
    slicedSealedEqual: boolean;
    sealedCount: number;
  };
  sliceLines: number;
}

/** The engine's readings, whole and in slices, stored what Node's did, table by table. */
function expectSameStore(r: ChildResult, lines: number) {
  expect(r.stored.outcomes.by_engine).toEqual(r.stored.outcomes.by_node);
  expect(r.stored.outcomes.by_engine_sliced).toEqual(r.stored.outcomes.by_node);
  // The sliced reading did cut the file: one batch a slice (none of which is all blank lines).
  expect(r.stored.slicedBatches).toBe(Math.ceil(lines / r.sliceLines));
  for (const [reading, diffs] of [["whole", r.stored.diffs], ["sliced", r.stored.slicedDiffs]] as const) {
    for (const [table, d] of Object.entries(diffs)) {
      expect(d.rows, `${reading} ${table}`).toBeGreaterThan(0);
      expect({ reading, table, onlyEngine: d.onlyEngine, onlyNode: d.onlyNode }).toEqual({ reading, table, onlyEngine: 0, onlyNode: 0 });
    }
  }
  expect(r.stored.sealedEqual).toBe(true);
  expect(r.stored.slicedSealedEqual).toBe(true);
}

const item = { msg_id: "s-1", item_id: "SF-1", kind: "司法建议", received_at: "2024-03-01 09:00:00", due_at: "2024-04-01 18:00:00", updated_at: "2024-03-01 09:00:00", status: "办理中" };
const itemLine = (fields: Record<string, unknown>) => JSON.stringify({ ...item, ...fields });
/** Supervision items: each kind with and without a level, each status with and without a reply, streets. */
const ITEM_EDGES: string[] = [
  ...["人大建议", "政协提案", "司法建议", "检察建议", "建议"].flatMap((kind, i) =>
    ["市", "区", "省", null, ""].map((level, j) => itemLine({ msg_id: `s-k${i}-${j}`, kind, level })),
  ),
  ...["办理中", "已答复", "已办结", "已回复"].flatMap((status, i) =>
    [null, "2024-03-20 09:00:00", "2024-03-20", ""].map((replied_at, j) => itemLine({ msg_id: `s-s${i}-${j}`, status, replied_at })),
  ),
  ...["蛇口街道", "", " ", null, 1].map((street, i) => itemLine({ msg_id: `s-t${i}`, street })),
  itemLine({ msg_id: "s-d", due_at: "2024-02-30 18:00:00" }),
  itemLine({ msg_id: "s-r", received_at: null }),
  itemLine({ msg_id: "s-1", updated_at: "2024-03-05 09:00:00" }),
];

describe("supervision lines validated by the engine's SQL", () => {
  it("accepts only what validateRecord accepts, with the same rows, and stores what the Node path stores", async () => {
    const file = join(work, "supervision.jsonl");
    writeFileSync(file, ITEM_EDGES.map((l) => `${l}\n`).join(""));
    const r = await childJson<ChildResult>("sql-accept-child.ts", [join(work, "data-supervision"), file, "supervision"], {});
    expect(r.lines.disagreements).toEqual([]);
    expect(r.lines.sqlAccepted).toBeGreaterThan(15);
    expect(r.lines.sqlAccepted).toBe(r.lines.nodeAccepted);
    expectSameStore(r, ITEM_EDGES.length);
  });
});

describe("hotline lines validated by the engine's SQL", () => {
  it("accepts only what validateRecord accepts, with the same rows, and stores what the Node path stores", async () => {
    const generated = generateFeeds({ seed: 31, scale: 0.3 }).hotline;
    const fuzzed = fc.sample(fuzzCase("hotline"), { numRuns: 3000, seed: 20_261_129 }).map((c) => c.bytes);
    const file = join(work, "hotline.jsonl");
    const bytes = Buffer.concat([...[...generated, ...EDGES].map((l) => Buffer.from(`${l}\n`)), ...fuzzed.flatMap((b) => [b, Buffer.from("\n")])]);
    writeFileSync(file, bytes);

    const r = await childJson<ChildResult>("sql-accept-child.ts", [join(work, "data"), file, "hotline"], {});

    expect(r.lines.disagreements).toEqual([]);
    expect(r.lines.disagreementCount).toBe(0);
    // The SQL path must carry the bulk: most valid lines are proven valid in SQL, the rest in Node.
    expect(r.lines.nodeAccepted).toBeGreaterThan(generated.length * 0.9);
    expect(r.lines.sqlAccepted).toBeGreaterThan(r.lines.nodeAccepted * 0.8);
    expect(r.lines.sqlAccepted).toBeLessThan(r.lines.nodeAccepted);

    expectSameStore(r, bytes.filter((b) => b === 10).length);
    expect(r.stored.sealedCount).toBeGreaterThan(100);
  });
});
