// Installs the workspace on a fresh clone so the README's two commands need only Node 20.
// Uses the pnpm version pinned in package.json through npx when pnpm is not on PATH.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const marker = resolve(root, "node_modules/.modules.yaml");
if (!existsSync(marker)) {
  const pinned = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")).packageManager;
  const hasPnpm = spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0;
  const cmd = hasPnpm ? "pnpm install --frozen-lockfile" : `npx -y ${pinned} install --frozen-lockfile`;
  console.error(`casepulse: installing dependencies (${cmd})`);
  execSync(cmd, { cwd: root, stdio: "inherit" });
}
