// A feed file cut, in one read, into files of a slice's lines for the engine: the engine then reads
// each slice once instead of the whole file for every slice (it cannot start a read at a byte), and
// what it maps of a file is one slice, not the export. Lines are cut on \n byte for byte, as the
// engine's LineAsString and readLines split them, so a line's number is its slice's first line
// plus its row in the slice.
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface FileSlice {
  /** A temporary file holding the slice's lines, removed when the next slice is asked for. */
  path: string;
  /** The 1-based number, in the whole file, of the slice's first line. */
  firstLine: number;
  lines: number;
  /** Bytes of the whole file read up to the slice's end. */
  endByte: number;
}

export interface SliceLimits {
  /** A slice ends at its `lines`-th line, or at the end of the line that takes it to `bytes`. */
  lines: number;
  bytes?: number;
}

/**
 * The slices of `path` (each but the last one at its limit), in turn, in a new folder under
 * `dir`; `chunkBytes` is how much is read at a time.
 */
export async function* fileSlices(path: string, limits: SliceLimits, dir = tmpdir(), chunkBytes = 1 << 20): AsyncGenerator<FileSlice> {
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new Error(`${name} per slice must be a positive integer, not ${value}`);
  }
  const maxBytes = limits.bytes ?? Number.POSITIVE_INFINITY;
  const folder = await mkdtemp(join(dir, "casepulse-slices-"));
  let seq = 0;
  let out: { path: string; handle: FileHandle } | undefined;
  const start = async () => {
    const file = join(folder, `${(seq += 1)}.jsonl`);
    return { path: file, handle: await open(file, "w") };
  };
  try {
    let firstLine = 1;
    let lines = 0;
    let bytes = 0;
    /** Where in the file the current slice starts. */
    let sliceStart = 0;
    /** Whether the file's last byte so far ends a line. */
    let atLineEnd = true;
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, nl + 1)) {
        lines += 1;
        if (lines < limits.lines && bytes + nl + 1 - sliceStart < maxBytes) continue;
        out ??= await start();
        await out.handle.write(chunk.subarray(from, nl + 1));
        await out.handle.close();
        from = nl + 1;
        const slice = { path: out.path, firstLine, lines, endByte: bytes + from };
        out = undefined;
        yield slice;
        await rm(slice.path, { force: true });
        firstLine += lines;
        lines = 0;
        sliceStart = slice.endByte;
      }
      if (from < chunk.length) {
        out ??= await start();
        await out.handle.write(chunk.subarray(from));
      }
      if (chunk.length > 0) atLineEnd = chunk[chunk.length - 1] === 10;
      bytes += chunk.length;
    }
    // The rest: whole lines, or a last line without its \n (a line all the same).
    if (out) {
      await out.handle.close();
      const slice = { path: out.path, firstLine, lines: lines + (atLineEnd ? 0 : 1), endByte: bytes };
      out = undefined;
      yield slice;
    }
  } finally {
    await out?.handle.close().catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
}
