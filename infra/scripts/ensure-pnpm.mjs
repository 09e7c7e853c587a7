// The pnpm of package.json's `packageManager` for the install, the test run and CI, on a machine
// where pnpm is not on PATH (corepack cannot fetch it here): installed once from the npm registry's
// `pnpm` package into .casepulse/pnpm-<version>. Prints the folder holding that `pnpm`, for PATH:
//   PATH="$(node infra/scripts/ensure-pnpm.mjs):$PATH"
// A pnpm already on PATH at the pinned version is used as it is.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installOnce } from "./npm-once.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

export function pinnedPnpm() {
  const field = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).packageManager ?? "";
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(field);
  if (!match) throw new Error(`package.json: packageManager ${JSON.stringify(field)} is not pnpm@<version>`);
  return match[1];
}

function versionOnPath() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The folder holding a `pnpm` of the pinned version: null when the one on PATH already is. */
export function pnpmDir() {
  const version = pinnedPnpm();
  if (versionOnPath() === version) return null;
  const home = join(ROOT, ".casepulse", `pnpm-${version}`);
  installOnce(`pnpm@${version}`, home, "node_modules/.bin/pnpm");
  const bin = join(home, "node_modules/.bin");
  return bin;
}

/** `env` with the pinned pnpm first on PATH (unchanged when it already is). */
export function withPnpm(env = process.env) {
  const dir = pnpmDir();
  return dir ? { ...env, PATH: `${dir}:${env.PATH ?? ""}` } : env;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = pnpmDir();
  console.log(dir ?? dirname(execFileSync("sh", ["-c", "command -v pnpm"], { encoding: "utf8" }).trim()));
}
