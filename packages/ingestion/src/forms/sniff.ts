// What a file is, from its first bytes rather than its name alone (FEEDS.md "Files"): gzip, a
// zip (an .xlsx workbook), an encrypted or old binary workbook, UTF-16 text, binary data, or text.
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { FileFormError } from "./errors.ts";

export const EXPORT_FORMS = ["jsonl", "csv", "xlsx"] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];

/** How much of a file's start is looked at. */
const HEAD_BYTES = 64 * 1024;

const startsWith = (head: Buffer, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);
const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b];
/** An OLE compound file: an .xls workbook, or an .xlsx saved with a password (encrypted). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export type Content = "zip" | "compound" | "utf16" | "binary" | "text";

/** The form a file's name says, and whether it says gzip (`.csv.gz`). */
export function formOfName(name: string): { form: ExportForm | null; gzip: boolean } {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith(".gz");
  const inner = gzip ? lower.slice(0, -3) : lower;
  const form = /\.(jsonl|json|ndjson)$/.test(inner) ? "jsonl" : inner.endsWith(".csv") ? "csv" : inner.endsWith(".xlsx") ? "xlsx" : null;
  return { form, gzip };
}

/** The first bytes of a file, or of what it decompresses to. */
export async function readHead(path: string, gzip: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const raw = createReadStream(path, { end: gzip ? undefined : HEAD_BYTES - 1 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break;
    }
  } catch (err) {
    if (!gzip) throw err;
    throw new FileFormError(`is named .gz but does not decompress (${(err as Error).message})`);
  } finally {
    raw.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

export function isGzip(head: Buffer): boolean {
  return startsWith(head, GZIP);
}

export function contentOf(head: Buffer): Content {
  if (startsWith(head, ZIP)) return "zip";
  if (startsWith(head, COMPOUND_FILE)) return "compound";
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return "utf16";
  const nuls = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > 0) {
    // UTF-16 without a byte order mark: every other byte of Latin text is a NUL.
    let odd = 0;
    for (let i = 1; i < head.length; i += 2) if (head[i] === 0 || head[i - 1] === 0) odd += 1;
    return nuls * 4 >= head.length && odd * 2 >= head.length / 2 ? "utf16" : "binary";
  }
  // Control characters other than tab, newline, form feed and carriage return do not occur in text exports.
  const control = head.reduce((n, b) => n + (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 ? 1 : 0), 0);
  return control * 100 > head.length ? "binary" : "text";
}

export function hasUtf8Bom(head: Buffer): boolean {
  return startsWith(head, UTF8_BOM);
}

/**
 * Whether a text's start reads as JSON lines: some complete line among its first ones is a JSON
 * object's `{…}`. A first line longer than the head cannot be judged and is let through.
 */
export function looksLikeJsonLines(head: Buffer, wholeFile: boolean): boolean {
  const text = head.subarray(hasUtf8Bom(head) ? 3 : 0).toString("utf8");
  const lines = text.split("\n");
  if (!wholeFile) lines.pop();
  const complete = lines.map((l) => l.replace(/[\r\t ]+$/, "")).filter((l) => l.trim() !== "");
  if (complete.length === 0) return true;
  return complete.slice(0, 50).some((l) => l.startsWith("{") && l.endsWith("}"));
}

/** What a refused content is, in words, and what to do. */
export function describeContent(content: Exclude<Content, "text">, form: ExportForm): string {
  switch (content) {
    case "zip":
      return `is a zip archive (an .xlsx workbook?), not ${form === "jsonl" ? "JSON lines" : "CSV"}: give --format xlsx or name it .xlsx`;
    case "compound":
      return "is a password-protected (encrypted) workbook or an old .xls file: remove the password, or save it as .xlsx";
    case "utf16":
      return "is UTF-16 text: save it as UTF-8 (or GB18030) and load it again";
    case "binary":
      return "is binary data, not a text export";
  }
}
