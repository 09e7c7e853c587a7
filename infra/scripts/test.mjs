// `npm test`: the README's second command on a fresh clone with nothing run before it. Installs
// the workspace (ensure-install.mjs), the distribution's tools the integration tests use
// (ensure-test-tools.sh: Chromium, docker-compose, promtool), and runs the whole suite on the LTS
// Node of .nvmrc (ensure-node.mjs fetches it once where the machine's Node is another major), so
// the tests run on what the image runs. Arguments go to vitest: `npm test -- tests/stream.e2e.test.ts`.
// CASEPULSE_TEST_NODE=system keeps the machine's own Node.
import { execFileSync, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { ltsNode } from "./ensure-node.mjs";
import { withPnpm } from "./ensure-pnpm.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const step = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: "inherit" });

step(process.execPath, [join(ROOT, "infra/scripts/ensure-install.mjs")]);
step("bash", [join(ROOT, "infra/scripts/ensure-test-tools.sh")]);
const node = process.env.CASEPULSE_TEST_NODE === "system" ? process.execPath : ltsNode();
// That node first on PATH, then the pinned pnpm: what the tests spawn (the CLI, pnpm install in a
// fresh folder, scripts) runs on them too.
const env = withPnpm({ ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` });
const vitest = spawn(node, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)], { cwd: ROOT, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => vitest.kill(signal));
vitest.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
