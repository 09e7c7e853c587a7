// Fuzzed records through the real `casepulse ingest` into a temp store: the counts match the
// model, every rejection is in the dead-letter store with its reason (and no personal data in its
// preview), and `dlq replay --id X --fixed file.json` of a corrected record stores it: the figure
// moves by exactly one and the dead letter is marked replayed.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, runCli } from "../support/cli.ts";
import { fuzzCase, type FuzzCase } from "./model/cases.ts";
import type { Feed } from "./model/feed-spec.ts";
import { record } from "./support/figures.ts";
import { dropServerDatabase } from "./support/stream-run.ts";
import { QUICK } from "./support/profile.ts";

const FEEDS: Feed[] = ["hotline", "mediation", "litigation"];
const PER_FEED = QUICK ? 150 : 600;
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_241_231);
const work = mkdtempSync(join(tmpdir(), "casepulse-fuzz-ingest-"));
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: `rel_fuzz_${process.pid}`, NODE_ENV: "test" };
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await dropServerDatabase(env);
});

/** A 登记 missing its deadline: rejected; with the deadline it is a new order of June 2024. */
const REPLAY = { msg_id: "replay-1", order_id: "REPLAY-ORDER-1", event: "登记", event_time: "2024-06-15 10:00:00", category: "城乡建设/违法建设", community: "湾厦社区", caller_phone: "13912345678" };
const FIXED = { ...REPLAY, deadline: "2024-06-25 18:00:00" };

type Outcome = { received: number; accepted: number; duplicates: number; rejected: number };
type DeadLetter = { id: string; source: string; reason: string; msg_id: string | null; preview: string | null };
type Report = { hotline: { orders: number }; quality: Outcome };

/** Whether a preview (JSON text) shows this string as a value, whole or cut at 80 characters. */
function shownIn(preview: string, value: string): boolean {
  const quoted = JSON.stringify(value);
  return preview.includes(quoted) || (value.length > 80 && preview.includes(`${JSON.stringify(value.slice(0, 80)).slice(0, -1)}…`));
}

async function deadLetters(status: "pending" | "replayed", feed?: Feed): Promise<DeadLetter[]> {
  const r = await runCli(["dlq", "list", "--json", "--limit", "100000", "--status", status, ...(feed ? ["--source", feed] : [])], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim() ? r.stdout.trim().split("\n").map((l) => JSON.parse(l) as DeadLetter) : [];
}

describe("hostile input: fuzzed records through casepulse ingest and the dead-letter store", () => {
  it("counts match the model, each rejection is stored with its reason, a fixed record replays", async ({ task }) => {
    const figures: Record<string, number> = {};
    for (const [i, feed] of FEEDS.entries()) {
      const cases: FuzzCase[] = fc.sample(fuzzCase(feed), { seed: SEED + 100 + i, numRuns: PER_FEED });
      const lines = cases.map((c) => c.bytes);
      if (feed === "hotline") lines.push(Buffer.from(JSON.stringify(REPLAY)));
      const file = join(work, `${feed}.jsonl`);
      writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")])));
      const rejectedLines = new Set(cases.flatMap((c, n) => (c.verdict.accept ? [] : [n + 1])));
      if (feed === "hotline") rejectedLines.add(lines.length);
      const acceptedIds = new Set(cases.filter((c) => c.verdict.accept).map((c) => c.fields.msg_id!.value));

      const outcome = await cliJson<Outcome>(["ingest", "--source", feed, "--file", file, "--json"], env);
      expect(outcome).toMatchObject({ received: lines.length, rejected: rejectedLines.size, accepted: acceptedIds.size });

      const letters = await deadLetters("pending", feed);
      const byLine = new Map(letters.map((d) => [Number(d.source.split(":").at(-1)), d]));
      expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([...rejectedLines].sort((a, b) => a - b));
      for (const [n, c] of cases.entries()) {
        const letter = byLine.get(n + 1);
        if (!letter) continue;
        expect(c.verdict.reasonTokens.some((t) => letter.reason.includes(t)), `line ${n + 1} ${c.mutation}: ${letter.reason}`).toBe(true);
        for (const k of ["caller_phone", "content"]) {
          const v = c.fields[k]?.value;
          // Fuzzed values repeat across keys; only a value no other key carries can show a leak.
          const elsewhere = Object.entries(c.fields).some(([other, f]) => other !== k && f.value === v);
          if (typeof v === "string" && v.trim() !== "" && v !== "***" && !elsewhere) {
            expect(shownIn(letter.preview ?? "", v), `${k} shown in ${letter.preview}`).toBe(false);
          }
        }
      }
      figures[`${feed} lines`] = lines.length;
      figures[`${feed} rejected`] = rejectedLines.size;
    }

    const before = await cliJson<Report>(["report", "--period", "2024-06"], env);
    const letter = (await deadLetters("pending", "hotline")).find((d) => d.msg_id === REPLAY.msg_id)!;
    expect(letter.reason).toContain("deadline");
    const fixedFile = join(work, "fixed.json");
    writeFileSync(fixedFile, JSON.stringify(FIXED));
    const replay = await runCli(["dlq", "replay", "--id", letter.id, "--fixed", fixedFile], env);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain("hotline: 1 replayed, 1 accepted, 0 duplicates, 0 still rejected");
    const after = await cliJson<Report>(["report", "--period", "2024-06"], env);
    const replayed = await deadLetters("replayed");
    const again = await runCli(["dlq", "replay", "--id", letter.id, "--fixed", fixedFile], env);
    record(task, {
      area: "hostile input",
      scenario: "fuzzed records via casepulse ingest + dlq replay --fixed",
      figures: {
        ...figures,
        "orders 2024-06 before/after replay": `${before.hotline.orders}/${after.hotline.orders}`,
        "accepted before/after": `${before.quality.accepted}/${after.quality.accepted}`,
      },
    });
    expect(after.hotline.orders).toBe(before.hotline.orders + 1);
    expect(after.quality.accepted).toBe(before.quality.accepted + 1);
    expect(replayed.map((d) => d.id)).toEqual([letter.id]);
    expect((await deadLetters("pending", "hotline")).some((d) => d.id === letter.id)).toBe(false);
    expect(again.code, "a replayed record is no longer pending").toBe(2);
  });
});
