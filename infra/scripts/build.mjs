// The compiled build: `node infra/scripts/build.mjs [--out DIR]` (`pnpm build`).
// tsc emits every package's and service's src/ (tests left out) as JavaScript; each package's
// output goes to its dist/, beside its src/, so what a module finds relative to itself
// (infra/clickhouse/migrations, samples/, a worker's entry) is where it is in src.
// Without --out, dist/ is written in this checkout. With --out, DIR becomes a runnable tree
// without any TypeScript: the workspace manifests, the lockfile, dist/, the migrations and the
// samples. `pnpm install --prod --frozen-lockfile` there installs the production dependencies
// only; `node --conditions=casepulse-dist services/cli/dist/main.js` runs it (the packages'
// exports give dist under that condition, src otherwise: docs/semantics.md, "The compiled build").
// Type errors are `pnpm typecheck`'s to find: the emit skips checking (--noCheck) to stay quick.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
/** What the compiled tree needs besides dist/: the files modules read at run time. */
const RUNTIME_FILES = ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "patches", "infra/clickhouse", "samples"];
/** The compiled entry's first line: the condition that makes every workspace package resolve to dist. */
const SHEBANG = "#!/usr/bin/env -S node --max-semi-space-size=2 --conditions=casepulse-dist";

function parseArgs(argv) {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log("usage: node infra/scripts/build.mjs [--out DIR]   (dist/ in this checkout, or a runnable tree in DIR)");
    process.exit(0);
  }
  const at = argv.indexOf("--out");
  const unknown = argv.filter((a, i) => a !== "--out" && argv[i - 1] !== "--out");
  if (unknown.length > 0) fail(`unknown argument ${unknown[0]} (usage: build.mjs [--out DIR])`, 2);
  if (at >= 0 && !argv[at + 1]) fail("--out needs a folder", 2);
  return { out: at >= 0 ? resolve(argv[at + 1]) : null };
}

function fail(message, code = 1) {
  console.error(`build: ${message}`);
  process.exit(code);
}

/** packages/* and services/*: the workspace's members, as pnpm-workspace.yaml lists them. */
function members() {
  return ["packages", "services"].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, group, d.name, "package.json")))
      .map((d) => `${group}/${d.name}`),
  );
}

function emit() {
  const tmp = mkdtempSync(join(tmpdir(), "casepulse-build-"));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--noCheck", "--outDir", tmp], { cwd: ROOT, stdio: "inherit" });
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    fail("tsc could not emit the build (output above)");
  }
  return tmp;
}

/** Moves <emitted>/<member>/src to <target>/<member>/dist, replacing what was there. */
function place(emitted, target, member) {
  const from = join(emitted, member, "src");
  const to = join(target, member, "dist");
  if (!existsSync(from)) return;
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(target, member), { recursive: true });
  renameSync(from, to);
}

function markEntry(target) {
  const main = join(target, "services/cli/dist/main.js");
  const text = readFileSync(main, "utf8");
  writeFileSync(main, text.replace(/^#!.*\n/, `${SHEBANG}\n`));
  chmodSync(main, 0o755);
}

const { out } = parseArgs(process.argv.slice(2));
if (out && existsSync(out) && readdirSync(out).length > 0) fail(`--out ${out}: not empty`, 2);
const started = Date.now();
const emitted = emit();
try {
  const target = out ?? ROOT;
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const file of RUNTIME_FILES) cpSync(join(ROOT, file), join(out, file), { recursive: true });
  }
  for (const member of members()) {
    if (out) {
      mkdirSync(join(out, member), { recursive: true });
      cpSync(join(ROOT, member, "package.json"), join(out, member, "package.json"));
    }
    place(emitted, target, member);
  }
  markEntry(target);
  console.error(`build: ${members().length} packages compiled into ${out ? `${out} (runnable tree)` : "their dist/"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(emitted, { recursive: true, force: true });
}
