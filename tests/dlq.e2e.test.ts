// `casepulse dlq` as operators use it (docs/semantics.md "Dead letters: replays, identity,
// retention"): a list says what it cut; a replay keeps every letter's id, counts no new reading,
// and moves a corrected record from rejected to accepted; after a key rotation the old key opens
// the old letters, and without it the command says so and fails only when it could do nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, cliJson, runCli } from "./support/cli.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-dlq-"));
const KEY_A = "dlq-e2e-key-a-0123456789";
const KEY_B = "dlq-e2e-key-b-0123456789";
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: "dlq_e2e", NODE_ENV: "test", CASEPULSE_PII_KEY: KEY_A };
const file = join(ROOT, "samples/mediation.jsonl");
const lines = readFileSync(file, "utf8").trim().split("\n");

type Quality = { received: number; accepted: number; duplicates: number; rejected: number };
type Letter = { id: string; source: string; reason: string };
const quality = async (e = env) => (await cliJson<{ quality: Quality }>(["report", "--period", "2024", "--format", "json"], e)).quality;
async function letters(status = "pending", e: Record<string, string> = env): Promise<Letter[]> {
  const r = await runCli(["dlq", "list", "--json", "--status", status, "--limit", "100000"], e);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim() === "" ? [] : r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Letter);
}

let rejects = 0;
beforeAll(async () => {
  const r = await cliJson<{ rejected: number }>(["ingest", "--source", "mediation", "--file", file, "--json"], env);
  rejects = r.rejected;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("dlq list", () => {
  it("says how many it cut and how to see them all", async () => {
    expect(rejects).toBeGreaterThan(5);
    const cut = await runCli(["dlq", "list", "--limit", "5"], env);
    expect(cut.code).toBe(0);
    expect(cut.stdout.trim().split("\n")).toHaveLength(5);
    expect(cut.stderr.trim()).toBe(`5 of ${rejects} pending record(s) shown (use --limit ${rejects} to see them all)`);
    const json = await runCli(["dlq", "list", "--limit", "5", "--json"], env);
    expect(json.stdout.trim().split("\n").map((l) => JSON.parse(l))).toHaveLength(5);
    expect(json.stderr.trim()).toBe(cut.stderr.trim());
    const whole = await runCli(["dlq", "list"], env);
    expect(whole.stdout.trim().split("\n")).toHaveLength(rejects);
    expect(whole.stderr.trim()).toBe(`${rejects} pending record(s)`);
  });
});

describe("dlq replay", () => {
  it("keeps each letter's id and counts no new reading; a corrected record moves from rejected to accepted", async () => {
    const before = await letters();
    const q0 = await quality();
    const r = await runCli(["dlq", "replay"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`mediation: ${rejects} replayed, 0 accepted, 0 duplicates, ${rejects} still rejected`);
    expect(await letters()).toEqual(before);
    expect(await quality()).toEqual(q0);

    // The operator's --id still names the letter after the replay, and a fix replays it.
    const amount = before.find((l) => l.reason.startsWith("amount_yuan: not an amount"))!;
    const record = JSON.parse(lines[Number(amount.source.split(":").at(-1)) - 1]!) as Record<string, unknown>;
    record.amount_yuan = Number(String(record.amount_yuan).replace(/\s/g, ""));
    const fixed = join(work, "fixed.json");
    writeFileSync(fixed, JSON.stringify(record));
    const one = await runCli(["dlq", "replay", "--id", amount.id, "--fixed", fixed], env);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.trim()).toBe("mediation: 1 replayed, 1 accepted, 0 duplicates, 0 still rejected");
    expect(await quality()).toEqual({ received: q0.received, accepted: q0.accepted + 1, duplicates: q0.duplicates, rejected: q0.rejected - 1 });
    expect((await letters("replayed")).map((l) => l.id)).toEqual([amount.id]);
    expect((await letters()).map((l) => l.id)).toEqual(before.map((l) => l.id).filter((id) => id !== amount.id));
    const gone = await runCli(["dlq", "replay", "--id", amount.id], env);
    expect(gone.code).toBe(2);
    expect(gone.stderr.trim()).toBe(`casepulse: --id ${amount.id}: no pending rejected record with this id`);
  });

  it("after a key rotation: without the old key nothing is replayed (exit 2, one line per reason); with it every letter is", async () => {
    const pending = await letters();
    const rotated = { ...env, CASEPULSE_PII_KEY: KEY_B };
    const refused = await runCli(["dlq", "replay"], rotated);
    expect(refused.code).toBe(2);
    expect(refused.stdout.trim()).toBe(
      `${pending.length} not replayed (mediation ${pending.length}): sealed under a key that is neither CASEPULSE_PII_KEY nor one of CASEPULSE_PII_OLD_KEYS, or damaged (add the key they were sealed under to CASEPULSE_PII_OLD_KEYS)`,
    );
    expect(refused.stderr.trim().split("\n")).toEqual(["casepulse: dlq replay: no dead letter could be opened, nothing was replayed (check CASEPULSE_PII_KEY and CASEPULSE_PII_OLD_KEYS)"]);
    const q = await quality(rotated);

    const withOld = await runCli(["dlq", "replay"], { ...rotated, CASEPULSE_PII_OLD_KEYS: KEY_A });
    expect(withOld.code, withOld.stderr).toBe(0);
    expect(withOld.stdout.trim()).toBe(`mediation: ${pending.length} replayed, 0 accepted, 0 duplicates, ${pending.length} still rejected (${pending.length} opened with an old key)`);
    // Stored again under the current key: the old key is no longer needed for them.
    const alone = await runCli(["dlq", "replay"], rotated);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout.trim()).toBe(`mediation: ${pending.length} replayed, 0 accepted, 0 duplicates, ${pending.length} still rejected`);
    expect(await letters("pending", rotated)).toEqual(pending);
    expect(await quality(rotated)).toEqual(q);
  });

  it("a bad CASEPULSE_PII_OLD_KEYS stops the command with one line naming it, the key hidden", async () => {
    const r = await runCli(["dlq", "replay"], { ...env, CASEPULSE_PII_OLD_KEYS: `${KEY_B},short-old-key` });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("CASEPULSE_PII_OLD_KEYS");
    expect(r.stderr).not.toContain("short-old-key");
    expect(r.stderr).not.toContain(KEY_B);
  });
});
