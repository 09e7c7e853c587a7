// The Node.js of .nvmrc (an LTS major) for the test run and CI, on a machine whose own Node is
// another major: fetched once from the npm registry's `node` package (the official binaries,
// packaged for npm) into .casepulse/node-<major>. Prints the folder holding that `node`, for PATH:
//   PATH="$(node infra/scripts/ensure-node.mjs):$PATH"
// Runs on any Node from 20 on; the machine's own Node is used when it is already that major.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installOnce } from "./npm-once.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

export function wantedMajor() {
  const text = readFileSync(join(ROOT, ".nvmrc"), "utf8").trim().replace(/^v/, "");
  const major = Number(text.split(".")[0]);
  if (!Number.isInteger(major)) throw new Error(`.nvmrc: ${JSON.stringify(text)} is not a Node.js version`);
  return major;
}

/** The path of a `node` binary of the wanted major: this one, or the one installed once. */
export function ltsNode() {
  const major = wantedMajor();
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  const home = join(ROOT, ".casepulse", `node-${major}`);
  const probe = "node_modules/node/bin/node";
  if (!existsSync(join(home, probe))) console.error(`casepulse: this machine's Node is ${process.version}; Node ${major} is wanted`);
  installOnce(`node@${major}`, home, probe);
  return join(home, probe);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const node = ltsNode();
  console.error(`casepulse: Node ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()} at ${node}`);
  console.log(dirname(node));
}
