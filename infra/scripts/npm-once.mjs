// One npm package installed once into a folder of .casepulse (Node, pnpm): installed beside and
// renamed into place, so two runs at once never see half an install.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/** Installs `spec` (e.g. "pnpm@12.4.2") into `home` unless `home/<probe>` exists already. */
export function installOnce(spec, home, probe) {
  if (existsSync(join(home, probe))) return;
  console.error(`casepulse: installing npm package ${spec} into ${home}`);
  mkdirSync(dirname(home), { recursive: true });
  const tmp = mkdtempSync(`${home}.tmp-`);
  try {
    execFileSync("npm", ["install", "--prefix", tmp, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", spec], { stdio: ["ignore", "ignore", "inherit"] });
    if (!existsSync(join(home, probe))) renameSync(tmp, home);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
