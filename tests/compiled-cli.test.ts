// The production build as the image makes it (infra/docker/Dockerfile, which cannot be built here:
// no Docker engine): infra/scripts/build.mjs compiles into a fresh folder, pnpm installs the
// production dependencies alone there, and the compiled CLI runs `demo` and `report` from dist/
// with no TypeScript and no devDependency in reach. Its report is the samples' reference.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/cli.ts";
import { reportDifferences } from "./support/compare.ts";
import { imageEntrypoint } from "./support/image.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-compiled-"));
const app = join(work, "app");
/** The workspace's manifests: the root's and every package's and service's. */
const manifests = ["package.json", ...["packages", "services"].flatMap((group) => readdirSync(join(ROOT, group)).map((name) => `${group}/${name}/package.json`))]
  .filter((path) => existsSync(join(ROOT, path)))
  .map((path) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> });
/** Packages only some manifest's devDependencies name: none may be installed in the production tree. */
const needed = new Set(manifests.flatMap((m) => Object.keys(m.dependencies ?? {})));
const DEV_ONLY = [...new Set(manifests.flatMap((m) => Object.keys(m.devDependencies ?? {})))].filter((name) => !needed.has(name) && !name.startsWith("@casepulse/"))
  // Type packages carry no code; exceljs' fast-csv depends on an @types/node of its own at run time.
  .filter((name) => !name.startsWith("@types/"));

// Asynchronous: a blocked test process misses vitest's own calls for the minute this takes.
const run = promisify(execFile);

/** The image's command line: node, its flags, and the compiled entry (relative to /app). */
const entry = imageEntrypoint();

async function compiled(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  // From another folder than the tree, as a container runs it: nothing relative to the checkout.
  const env = { PATH: process.env.PATH ?? "", HOME: work, CASEPULSE_DATA: join(work, "data"), NODE_ENV: "development" };
  try {
    const { stdout, stderr } = await run(process.execPath, [...entry.slice(1, -1), join(app, entry.at(-1)!), ...args], { cwd: work, env, maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? String(err) };
  }
}

/** Files under `dir` (node_modules left out) whose name matches. */
function filesMatching(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && pattern.test(d.name))
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .filter((p) => !p.split("/").includes("node_modules"));
}

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, "infra/scripts/build.mjs"), "--out", app], { cwd: ROOT });
  // Offline first: the checkout's install already holds every package in the store.
  await run("pnpm", ["install", "--prod", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"], { cwd: app });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the compiled build", () => {
  it("holds JavaScript only, and no devDependency", () => {
    expect(filesMatching(app, /\.ts$/)).toEqual([]);
    expect(filesMatching(app, /\.js$/)).toContain("services/cli/dist/main.js");
    const installed = readdirSync(join(app, "node_modules/.pnpm")).map((d) => d.replace(/@[^@]+$/, "").replace(/\+/g, "/"));
    expect(DEV_ONLY).toEqual(expect.arrayContaining(["tsx", "typescript", "vitest", "testcontainers"]));
    expect(DEV_ONLY.filter((name) => installed.includes(name))).toEqual([]);
    expect(existsSync(join(app, "infra/clickhouse/migrations/001_events.sql"))).toBe(true);
  });

  it("prints its version and usage", async () => {
    const version = await compiled(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect((await compiled(["--help"])).stdout).toContain("demo");
  });

  it("runs demo and report from dist: the samples' reference figures", async () => {
    const demo = await compiled(["demo", "--format", "json"]);
    expect(demo.status, demo.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(join(ROOT, "samples/expected/2024.json"), "utf8"));
    expect(reportDifferences(JSON.parse(demo.stdout), expected)).toEqual([]);
    const month = await compiled(["report", "--period", "2024-03", "--format", "json"]);
    expect(month.status, month.stderr).toBe(0);
    expect(reportDifferences(JSON.parse(month.stdout), JSON.parse(readFileSync(join(ROOT, "samples/expected/2024-03.json"), "utf8")))).toEqual([]);
  });

  it("starts the stream's classifying thread from dist (the entry a worker thread loads is JavaScript there)", async () => {
    // The ingest role's thread (packages/ingestion/src/classifier.ts), as `start` makes it in the image.
    const script = join(app, "services/cli/classify-check.mjs");
    writeFileSync(
      script,
      `const { threadClassifier } = await import("@casepulse/ingestion");
const c = threadClassifier("compiled-check-key-0123456789");
const r = await c.classify("hotline", [{ value: JSON.stringify({ msg_id: "a", order_id: "o", event: "派发", event_time: "2024-04-01 09:00:00" }), source: "k:1" }, { value: "{", source: "k:2" }]);
await c.close();
console.log(JSON.stringify({ msgIds: r.msgIds, reasons: r.rejected.map((x) => x.reason), at: import.meta.resolve("@casepulse/ingestion") }));
`,
    );
    const { stdout } = await run(process.execPath, ["--conditions=casepulse-dist", script], { cwd: join(app, "services/cli"), env: { PATH: process.env.PATH ?? "", HOME: work } });
    const out = JSON.parse(stdout) as { msgIds: string[]; reasons: string[]; at: string };
    expect(out).toMatchObject({ msgIds: ["a"], reasons: ["not valid JSON"] });
    expect(out.at).toMatch(/\/packages\/ingestion\/dist\/index\.js$/);
  });
});
