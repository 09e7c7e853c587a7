// A file's bytes as a stream, decompressed when it is gzip (`.gz`).
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export function openBytes(path: string, gzip: boolean): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!gzip) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on("error", (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** Bytes at the end of `b` that start a character not complete in `b` (0 to 3). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back += 1) {
    const byte = b[b.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Whether the whole stream is valid UTF-8 (read to its end: an export is GB18030 if any byte is not). */
export async function isValidUtf8(stream: Readable): Promise<boolean> {
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const keep = incompleteTail(data);
      if (!isUtf8(data.subarray(0, data.length - keep))) return false;
      carry = Buffer.from(data.subarray(data.length - keep));
    }
    return carry.length === 0;
  } finally {
    stream.destroy();
  }
}
