// Installs the workspace on a fresh clone so the README's two commands need only Node 20, with the
// pnpm version pinned in package.json (ensure-pnpm.mjs installs it once when PATH has no such pnpm).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { withPnpm } from "./ensure-pnpm.mjs";

const root = resolve(import.meta.dirname, "../..");
const marker = resolve(root, "node_modules/.modules.yaml");
if (!existsSync(marker)) {
  console.error("casepulse: installing dependencies (pnpm install --frozen-lockfile)");
  execFileSync("pnpm", ["install", "--frozen-lockfile"], { cwd: root, stdio: "inherit", env: withPnpm() });
}
