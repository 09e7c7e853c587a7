// A store written by the previous release upgrades by migration, with the same figures: the
// previous release (its own checkout, its own dependencies) ingests its bundled samples into a
// data folder; this release then opens that folder (applying the new migrations) and must report
// every figure the previous release reported, unchanged; after that, the upgraded store takes the
// new feed like a fresh one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STREET } from "@casepulse/config";
import { cliJson, ROOT } from "./support/cli.ts";

/** The last release that landed before the supervision feed and street (migration 007). */
const PREVIOUS_RELEASE = "1c6c8b7";
const FEEDS_THEN = ["hotline", "mediation", "litigation"];
const PERIODS = ["2024", "2023", "2024-03", "2024-12"];

const work = mkdtempSync(join(tmpdir(), "casepulse-upgrade-"));
const previous = join(work, "previous");
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: "upgrade", NODE_ENV: "test" };
const before = new Map<string, Record<string, unknown>>();

function previousCli(args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "services/cli/src/main.ts", ...args], {
    cwd: previous, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20,
  });
}

/** Every value of `old` is in `now` at the same path (new keys in `now` aside); returns the paths that differ. */
function changedSince(old: unknown, now: unknown, path = ""): string[] {
  if (Array.isArray(old)) {
    if (!Array.isArray(now) || now.length !== old.length) return [`${path}: ${JSON.stringify(old)} became ${JSON.stringify(now)}`];
    return old.flatMap((v, i) => changedSince(v, now[i], `${path}[${i}]`));
  }
  if (old !== null && typeof old === "object") {
    if (now === null || typeof now !== "object") return [`${path}: became ${JSON.stringify(now)}`];
    return Object.entries(old).flatMap(([k, v]) => changedSince(v, (now as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return old === now ? [] : [`${path}: ${JSON.stringify(old)} became ${JSON.stringify(now)}`];
}

beforeAll(async () => {
  execFileSync("git", ["worktree", "add", "--detach", previous, PREVIOUS_RELEASE], { cwd: ROOT, stdio: "ignore" });
  execFileSync("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: previous, stdio: "ignore" });
  for (const feed of FEEDS_THEN) previousCli(["ingest", "--source", feed, "--file", `samples/${feed}.jsonl`]);
  for (const period of PERIODS) before.set(period, JSON.parse(previousCli(["report", "--period", period, "--format", "json"])) as Record<string, unknown>);
}, 600_000);
afterAll(() => {
  if (existsSync(previous)) execFileSync("git", ["worktree", "remove", "--force", previous], { cwd: ROOT, stdio: "ignore" });
  rmSync(work, { recursive: true, force: true });
});

describe(`a store written by release ${PREVIOUS_RELEASE}`, () => {
  it.each(PERIODS)("%s: this release reports every figure the previous one reported, unchanged", async (period) => {
    const old = before.get(period)!;
    expect((old.hotline as { orders: number }).orders).toBeGreaterThan(0);
    const { alerts: oldAlerts, ...oldFigures } = old as { alerts: unknown[] };
    const now = await cliJson<Record<string, unknown> & { alerts: unknown[] }>(["report", "--period", period, "--format", "json"], env);
    expect(changedSince(oldFigures, now)).toEqual([]);
    // New alert rules may add alerts; every alert of the previous release stays as it was.
    for (const alert of oldAlerts) expect(now.alerts).toContainEqual(alert);
  });

  it("the upgraded store takes the supervision feed, and its old records are the default street's", async () => {
    const ingest = await cliJson<{ accepted: number }>(["ingest", "--source", "supervision", "--file", join(ROOT, "samples/supervision.jsonl"), "--json"], env);
    expect(ingest.accepted).toBeGreaterThan(0);
    const report = await cliJson<{ supervision: { received: number } }>(["report", "--period", "2024", "--format", "json"], env);
    expect(report.supervision.received).toBeGreaterThan(0);
    // Records of the previous release name no street: they belong to the default one (resolved when read).
    const streets = await cliJson<{ n: number; without: number }>(
      ["sql", "--format", "json", "SELECT count() AS n, countIf(street IS NULL) AS without FROM upgrade.hotline_orders"],
      env,
    );
    expect(streets.n).toBeGreaterThan(0);
    expect(streets.without).toBe(streets.n);
    // So the default street's own report is the whole deployment's, and the streets table has it alone.
    type Scoped = Record<string, unknown> & { scope: unknown; streets?: { street: string; hotline_orders: number }[]; published: unknown };
    const all = await cliJson<Scoped>(["report", "--period", "2024"], env);
    const own = await cliJson<Scoped>(["report", "--period", "2024", "--street", DEFAULT_STREET], env);
    expect(all.streets!.map((s) => [s.street, s.hotline_orders])).toEqual([[DEFAULT_STREET, (all.hotline as { orders: number }).orders]]);
    const { scope: _a, streets: _s, ...allFigures } = all;
    const { scope, ...ownFigures } = own;
    expect(scope).toEqual({ street: DEFAULT_STREET });
    expect(ownFigures).toEqual(allFigures);
  });
});
