// Every place that starts casepulse's node process gives it the same flags, NODE_FLAGS
// (services/cli/src/node-flags.ts): V8 reads them only at its start, so each place writes them out,
// and this test fails when one of them parts from the list. The bench's and the tests' children
// import the list itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../services/cli/src/node-flags.ts";
import { ROOT } from "./support/cli.ts";
import { imageEntrypoint } from "./support/image.ts";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const words = (command: string) => command.trim().split(/\s+/);
/** The flags a node command line gives before its script or `--import`/`--conditions` (node's own options). */
const flagsOf = (argv: string[]) => argv.slice(1).filter((a) => a.startsWith("--") && !a.startsWith("--import") && !a.startsWith("--conditions"));

describe("node's flags for casepulse", () => {
  it("are a list that has something in it", () => {
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
  });

  it("are package.json's: the casepulse and demo scripts", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(flagsOf(words(scripts.casepulse!))).toEqual(NODE_FLAGS);
    const demo = scripts.demo!.split("&&").map((c) => c.trim()).find((c) => c.includes("services/cli/src/main.ts"))!;
    expect(flagsOf(words(demo))).toEqual(NODE_FLAGS);
  });

  it("are the image's ENTRYPOINT", () => {
    const argv = imageEntrypoint();
    expect(argv[0]).toBe("node");
    expect(flagsOf(argv)).toEqual(NODE_FLAGS);
  });

  it("are both shebangs: the source's and the compiled entry's (infra/scripts/build.mjs)", () => {
    const source = read("services/cli/src/main.ts").split("\n")[0]!;
    expect(source.startsWith("#!/usr/bin/env -S node ")).toBe(true);
    expect(flagsOf(words(source.slice("#!/usr/bin/env -S ".length)))).toEqual(NODE_FLAGS);
    const compiled = /const SHEBANG = "([^"]+)"/.exec(read("infra/scripts/build.mjs"))![1]!;
    expect(flagsOf(words(compiled.slice("#!/usr/bin/env -S ".length)))).toEqual(NODE_FLAGS);
  });
});
