// The Kafka client can be swapped in this package alone: no other package or service imports
// kafkajs, and the package's public declarations (what its importers are typed against, as tsc
// emits them) name none of kafkajs' types.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;

/** The TypeScript of every package's and service's src/ (not their node_modules: slow to walk). */
function sources(group: string): string[] {
  return readdirSync(join(ROOT, group), { withFileTypes: true })
    .filter((member) => member.isDirectory())
    .flatMap((member) => {
      const src = join(ROOT, group, member.name, "src");
      try {
        return readdirSync(src, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith(".ts")).map((d) => join(d.parentPath, d.name));
      } catch {
        return [];
      }
    });
}

describe("the Kafka gateway", () => {
  it("is the only importer of kafkajs among the packages and services", () => {
    const importers = [...sources("packages"), ...sources("services")].filter((f) => /from\s+["']kafkajs["']|import\(\s*["']kafkajs["']\s*\)/.test(readFileSync(f, "utf8")));
    expect(importers.map((f) => f.slice(ROOT.length))).toEqual(["packages/kafka/src/kafka.ts"]);
  });

  // A TypeScript program of the package: seconds, more on a busy machine.
  it("declares its public API in its own types only", { timeout: 60_000 }, () => {
    const options: ts.CompilerOptions = {
      declaration: true,
      emitDeclarationOnly: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      allowImportingTsExtensions: true,
      strict: true,
      skipLibCheck: true,
      types: ["node"],
    };
    const written = new Map<string, string>();
    const program = ts.createProgram([join(ROOT, "packages/kafka/src/index.ts")], options);
    const result = program.emit(undefined, (name, text) => written.set(name, text));
    expect(result.emitSkipped).toBe(false);
    const declarations = [...written].filter(([name]) => name.includes("packages/kafka/src/"));
    expect(declarations.map(([name]) => name.replace(/.*\//, "")).sort()).toEqual(["index.d.ts", "kafka.d.ts"]);
    for (const [name, text] of declarations) {
      expect(text, name).toContain("export");
      expect(text, name).not.toMatch(/kafkajs/);
    }
  });
});
