import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSlices } from "./file-slices.ts";
import { readLines } from "./read-lines.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-slices-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `export-${(files += 1)}.jsonl`);
  writeFileSync(path, content);
  return path;
}

/** Each slice as read while it exists: its bytes, its first line and its count. */
async function cut(path: string, lines: number, chunk?: number, bytes?: number) {
  const slices = [];
  for await (const s of fileSlices(path, { lines, bytes }, dir, chunk)) slices.push({ ...s, bytes: readFileSync(s.path) });
  return slices;
}

/** The (number, text) pairs readLines gives for the whole file and for the slices, renumbered. */
async function numbered(path: string, slices: Awaited<ReturnType<typeof cut>>) {
  const whole: string[] = [];
  for await (const l of readLines(path)) whole.push(`${l.number} ${l.value.toString()}`);
  const parts: string[] = [];
  for (const s of slices) {
    const part = file(s.bytes);
    for await (const l of readLines(part)) parts.push(`${s.firstLine + l.number - 1} ${l.value.toString()}`);
  }
  return { whole, parts };
}

describe("fileSlices", () => {
  const exports = {
    "a newline at the end": "a\nb\nc\nd\ne\n",
    "no newline at the end": "a\nb\nc\nd\ne",
    "blank lines and CRLF": "a\r\n\r\n\nb\r\n  \nc\n\n",
    "one line": "only",
    "an empty file": "",
    "exactly two slices": "1\n2\n3\n4\n",
    "multi-byte text": "受理\n办结\n回访\n",
  };
  it.each(Object.entries(exports).flatMap(([name, text]) => [1, 2, 3, 10].flatMap((lines) => [undefined, 1, 3].map((chunk) => ({ name, text, lines, chunk })))))(
    "$name, $lines lines a slice, read $chunk bytes at a time: the same bytes and line numbers",
    async ({ text, lines, chunk }) => {
      const path = file(text);
      const slices = await cut(path, lines, chunk);
      expect(Buffer.concat(slices.map((s) => s.bytes)).toString()).toBe(text);
      const total = text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
      expect(slices.reduce((n, s) => n + s.lines, 0)).toBe(total);
      for (const [i, s] of slices.entries()) {
        expect(s.firstLine).toBe(1 + i * lines);
        if (i < slices.length - 1) expect(s.lines).toBe(lines);
        expect(s.endByte).toBe(slices.slice(0, i + 1).reduce((n, p) => n + p.bytes.length, 0));
      }
      const { whole, parts } = await numbered(path, slices);
      expect(parts).toEqual(whole);
    },
  );

  it("removes each slice when the next is asked for, and its folder at the end", async () => {
    const path = file("1\n2\n3\n");
    const seen: string[] = [];
    for await (const s of fileSlices(path, { lines: 1 }, dir)) {
      for (const earlier of seen) expect(existsSync(earlier)).toBe(false);
      expect(existsSync(s.path)).toBe(true);
      seen.push(s.path);
    }
    expect(seen).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.startsWith("casepulse-slices-"))).toEqual([]);
  });

  it("removes its folder when the reader stops early", async () => {
    for await (const _ of fileSlices(file("1\n2\n3\n"), { lines: 1 }, dir)) break;
    expect(readdirSync(dir).filter((f) => f.startsWith("casepulse-slices-"))).toEqual([]);
  });

  it("ends a slice at the line that takes it to its bytes, or at its lines, whichever comes first", async () => {
    const path = file("aaaa\nbb\nc\ndddddddd\ne\nf\ng\n");
    for (const chunk of [undefined, 1, 4]) {
      const slices = await cut(path, 3, chunk, 6);
      expect(slices.map((s) => s.bytes.toString())).toEqual(["aaaa\nbb\n", "c\ndddddddd\n", "e\nf\ng\n"]);
      expect(slices.map((s) => [s.firstLine, s.lines])).toEqual([[1, 2], [3, 2], [5, 3]]);
      const { whole, parts } = await numbered(path, slices);
      expect(parts).toEqual(whole);
    }
  });

  it("refuses a slice size that is not a positive integer", async () => {
    await expect(cut(file("a\n"), 0)).rejects.toThrow("lines per slice must be a positive integer, not 0");
    await expect(cut(file("a\n"), 1, undefined, 2.5)).rejects.toThrow("bytes per slice must be a positive integer, not 2.5");
  });
});
