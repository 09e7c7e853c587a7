import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLines } from "./read-lines.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-read-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileSeq = 0;
function fileWith(content: string | Buffer): string {
  fileSeq += 1;
  const path = join(dir, `f${fileSeq}.jsonl`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string): Promise<{ lines: [string, number][]; bytes: number }> {
  const lines: [string, number][] = [];
  let bytes = 0;
  for await (const line of readLines(path, (n) => (bytes += n))) lines.push([line.value.toString("latin1"), line.number]);
  return { lines, bytes };
}

describe("readLines: small files", () => {
  it.each([
    { name: "LF", content: "a\nb\n", lines: [["a", 1], ["b", 2]] },
    { name: "CRLF", content: "a\r\nb\r\n", lines: [["a", 1], ["b", 2]] },
    { name: "mixed LF and CRLF", content: "a\r\nb\nc\r\n", lines: [["a", 1], ["b", 2], ["c", 3]] },
    { name: "last line without newline", content: "a\nb", lines: [["a", 1], ["b", 2]] },
    { name: "last CRLF line without newline", content: "a\r\nb", lines: [["a", 1], ["b", 2]] },
    { name: "single line without newline", content: "{}", lines: [["{}", 1]] },
    { name: "blank lines skipped, numbers kept", content: "a\n\n\nb\n", lines: [["a", 1], ["b", 4]] },
    { name: "leading blank lines", content: "\n\na\n", lines: [["a", 3]] },
    { name: "blank CRLF lines", content: "\r\n\r\na\r\n\r\nb", lines: [["a", 3], ["b", 5]] },
    { name: "whitespace-only lines are blank", content: "a\n  \t\nb\n", lines: [["a", 1], ["b", 3]] },
    { name: "trailing blank lines", content: "a\n\n\n", lines: [["a", 1]] },
    { name: "trailing blank line without newline", content: "a\n   ", lines: [["a", 1]] },
    { name: "empty file", content: "", lines: [] },
    { name: "only newlines", content: "\n\r\n\n", lines: [] },
    { name: "leading spaces kept", content: "  {}\n", lines: [["  {}", 1]] },
  ])("$name", async ({ content, lines }) => {
    const result = await read(fileWith(content));
    expect(result.lines).toStrictEqual(lines);
    expect(result.bytes).toBe(Buffer.byteLength(content));
  });

  it("invalid UTF-8 bytes come through as the same bytes", async () => {
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0xe4, 0xb8, 0x22, 0x7d]);
    const chinese = Buffer.from("中文", "utf8");
    const path = fileWith(Buffer.concat([bad, Buffer.from("\r\n"), chinese, Buffer.from("\n")]));
    const values: Buffer[] = [];
    for await (const line of readLines(path)) values.push(Buffer.from(line.value));
    expect(values).toHaveLength(2);
    expect(values[0]!.equals(bad)).toBe(true);
    expect(values[1]!.equals(chinese)).toBe(true);
  });
});

describe("readLines: lines across 1 MiB read chunks (a 3 MiB file)", () => {
  const MiB = 1 << 20;
  /** Builds a file from lines of given byte lengths made of `fill`; returns the lines it holds. */
  function build(parts: { len: number; fill: string; eol: string }[]) {
    const expected: [string, number][] = [];
    const buffers: Buffer[] = [];
    parts.forEach((p, i) => {
      const body = Buffer.alloc(p.len, p.fill);
      buffers.push(body, Buffer.from(p.eol));
      if (p.len > 0) expected.push([body.toString("latin1"), i + 1]);
    });
    return { content: Buffer.concat(buffers), expected };
  }

  it.each([
    {
      name: "LF right after a boundary, then a line straddling the next one",
      parts: [
        { len: MiB - 10, fill: "a", eol: "\n" },
        { len: 20, fill: "b", eol: "\n" }, // bytes MiB-9 .. MiB+10: crosses the first boundary
        { len: MiB - 12, fill: "c", eol: "\n" },
        { len: 3, fill: "d", eol: "\n" },
        { len: MiB, fill: "e", eol: "\n" }, // ends past 3 MiB
      ],
    },
    {
      name: "a line longer than 1 MiB spans two boundaries",
      parts: [
        { len: 100, fill: "a", eol: "\n" },
        { len: 2 * MiB + 500, fill: "b", eol: "\n" },
        { len: MiB, fill: "c", eol: "" }, // last line without a newline
      ],
    },
    {
      name: "CRLF split across a boundary (\\r last byte of a chunk, \\n first of the next)",
      parts: [
        { len: MiB - 1, fill: "a", eol: "\r\n" },
        { len: MiB - 2, fill: "b", eol: "\r\n" }, // its \r is byte 2 MiB - 1
        { len: MiB, fill: "c", eol: "\r\n" },
      ],
    },
    {
      name: "LF exactly the last byte of a chunk, blank line the first of the next",
      parts: [
        { len: MiB - 1, fill: "a", eol: "\n" },
        { len: 0, fill: "x", eol: "\n" },
        { len: MiB - 1, fill: "b", eol: "\n" },
        { len: MiB, fill: "c", eol: "\n" },
      ],
    },
  ])("$name", async ({ parts }) => {
    const { content, expected } = build(parts);
    expect(content.length).toBeGreaterThan(3 * MiB - 4);
    const result = await read(fileWith(content));
    expect(result.lines.map(([v, n]) => [v.length, n])).toStrictEqual(expected.map(([v, n]) => [v.length, n]));
    expect(result.lines).toStrictEqual(expected);
    expect(result.bytes).toBe(content.length);
  });

  it("a multi-byte character split by a chunk boundary keeps its bytes", async () => {
    // "中" is E4 B8 AD; place it at bytes MiB-1 .. MiB+1.
    const head = Buffer.alloc(MiB - 1, "a");
    const line1 = Buffer.concat([head, Buffer.from("中"), Buffer.alloc(10, "z")]);
    const line2 = Buffer.alloc(2 * MiB, "q");
    const path = fileWith(Buffer.concat([line1, Buffer.from("\n"), line2, Buffer.from("\n")]));
    const values: Buffer[] = [];
    for await (const line of readLines(path)) values.push(Buffer.from(line.value));
    expect(values).toHaveLength(2);
    expect(values[0]!.equals(line1)).toBe(true);
    expect(values[0]!.toString("utf8").endsWith("a中zzzzzzzzzz")).toBe(true);
    expect(values[1]!.equals(line2)).toBe(true);
  });
});
