// JSONL as bytes: lines are split on \n without decoding, so invalid UTF-8 is seen (and
// rejected) by validation instead of being silently replaced while reading.
import { createReadStream } from "node:fs";

export interface Line {
  value: Buffer;
  /** 1-based line number in the file. */
  number: number;
}

export async function* readLines(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<Line> {
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    for (let nl = data.indexOf(10, from); nl !== -1; nl = data.indexOf(10, from)) {
      number += 1;
      const line = trimEnd(data.subarray(from, nl));
      from = nl + 1;
      if (line.length > 0) yield { value: line, number };
    }
    carry = Buffer.from(data.subarray(from));
    data = carry;
  }
  if (carry.length > 0) {
    const line = trimEnd(carry);
    if (line.length > 0) yield { value: line, number: number + 1 };
  }
}

/** Drops a CRLF's \r and trailing blanks, so a blank line is not a record. */
function trimEnd(line: Buffer): Buffer {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 13 || line[end - 1] === 32 || line[end - 1] === 9)) end -= 1;
  return line.subarray(0, end);
}
