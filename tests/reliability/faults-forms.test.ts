// Files in the wrong form invent no records: each feed's sample export, re-encoded as UTF-16 (with
// and without a BOM), gzip-compressed under its plain name, and replaced by binary bytes, is
// refused whole by `ingest` (one line, exit 2) and changes nothing in the store: no record
// received, no dead letter, no event. The same export in its right form is then read in full.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, runCli } from "../support/cli.ts";
import { record } from "./support/figures.ts";
import { storeFacts } from "./support/store-facts.ts";

const FEEDS = ["hotline", "mediation", "litigation", "supervision"] as const;
const work = mkdtempSync(join(tmpdir(), "casepulse-forms-"));
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: "forms", NODE_ENV: "test" };
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FORMS: { name: string; bytes: (text: string) => Buffer; says: RegExp }[] = [
  { name: "UTF-16 with BOM", bytes: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]), says: /UTF-16/ },
  { name: "UTF-16 without BOM", bytes: (t) => Buffer.from(t, "utf16le"), says: /UTF-16/ },
  { name: "gzip named .jsonl", bytes: (t) => gzipSync(t), says: /gzip/ },
  { name: "binary", bytes: (t) => Buffer.from(Array.from({ length: Math.min(t.length, 65_536) }, (_, i) => (i * 7919 + 13) % 256)), says: /binary/ },
];

type Quality = { received: number; accepted: number; duplicates: number; rejected: number };
const quality = async () => (await cliJson<{ quality: Quality }>(["report", "--period", "2024"], env)).quality;
const pendingLetters = async () => {
  const r = await runCli(["dlq", "list", "--json", "--limit", "1000000"], env);
  return r.stdout.trim() === "" ? 0 : r.stdout.trim().split("\n").length;
};

describe("faults: exports in the wrong form", () => {
  it("are refused whole, one line and exit 2, and invent no record", async ({ task }) => {
    // Something stored first, so "nothing changed" is measured on a store that holds records.
    const seeded = await cliJson<{ received: number }>(["ingest", "--source", "mediation", "--file", join(ROOT, "samples/mediation.jsonl"), "--json"], env);
    expect(seeded.received).toBeGreaterThan(0);
    const before = { quality: await quality(), letters: await pendingLetters(), facts: await storeFacts(env) };

    const refusals: string[] = [];
    for (const feed of FEEDS) {
      const text = readFileSync(join(ROOT, `samples/${feed}.jsonl`), "utf8");
      for (const form of FORMS) {
        const file = join(work, `${feed}-${form.name.replace(/\W+/g, "-")}.jsonl`);
        writeFileSync(file, form.bytes(text));
        const r = await runCli(["ingest", "--source", feed, "--file", file], env);
        const what = `${feed}, ${form.name}`;
        expect(r.code, `${what}: ${r.stderr}`).toBe(2);
        expect(r.stderr.trim().split("\n"), what).toHaveLength(1);
        expect(r.stderr, what).toMatch(form.says);
        expect(r.stderr, what).not.toMatch(/\n\s+at /);
        refusals.push(what);
      }
    }

    const after = { quality: await quality(), letters: await pendingLetters(), facts: await storeFacts(env) };
    expect(after.quality).toEqual(before.quality);
    expect(after.letters).toBe(before.letters);
    expect(after.facts.events).toEqual(before.facts.events);

    // The store still takes the same export in its right form, every line of it read.
    const lines = readFileSync(join(ROOT, "samples/litigation.jsonl"), "utf8").trim().split("\n").length;
    const right = await cliJson<{ received: number }>(["ingest", "--source", "litigation", "--file", join(ROOT, "samples/litigation.jsonl"), "--json"], env);
    expect(right.received).toBe(lines);

    record(task, {
      area: "faults",
      scenario: "exports in the wrong form (UTF-16 with and without BOM, gzip under a plain name, binary), every feed",
      figures: {
        files: FEEDS.length * FORMS.length,
        "refused, exit 2 on one line": refusals.length,
        "records invented": after.quality.received - before.quality.received,
        "dead letters added": after.letters - before.letters,
        "event rows added": FEEDS.filter((f) => f !== "supervision").reduce((n, f) => n + after.facts.events[f as "hotline"].rows - before.facts.events[f as "hotline"].rows, 0),
      },
    });
  });
});
