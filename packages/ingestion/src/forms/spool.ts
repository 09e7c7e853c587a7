// The JSON lines a converted export gives, in a private temporary file (it holds personal data in
// clear until the ingest has read it: mode 0600 in a folder of its own, removed after), with the
// export's row of each line, so a rejected record keeps its place.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

export interface Spool {
  path: string;
  /** Appends one line (a JSON record) from the export's row `row`; a promise when the file wants a pause. */
  write(line: string, row: number): Promise<void> | undefined;
  /** Closes the file; returns each line's row (index: line number - 1) and the line count. */
  close(): Promise<{ lineRows: Uint32Array; lines: number }>;
  remove(): void;
}

/** A path for a private file in a folder of its own (mode 0700), and how to remove both. */
export function privateFile(dir: string): { path: string; remove(): void } {
  const folder = mkdtempSync(join(dir, ".casepulse-export-"));
  return { path: join(folder, "records.jsonl"), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function openSpool(dir: string): Spool {
  const file = privateFile(dir);
  const path = file.path;
  const out = createWriteStream(path, { mode: 0o600, highWaterMark: 1 << 20 });
  let rows = new Uint32Array(1 << 16);
  let lines = 0;
  // Lines are written in chunks of about 1 MB: a write per line cost more than the conversion.
  let pending = "";
  const flush = async () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    if (!out.write(text)) await once(out, "drain");
  };
  return {
    path,
    write(line, row) {
      if (lines === rows.length) {
        const grown = new Uint32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      rows[lines] = row;
      lines += 1;
      pending += `${line}\n`;
      return pending.length >= 1 << 20 ? flush() : undefined;
    },
    async close() {
      await flush();
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return { lineRows: rows.slice(0, lines), lines };
    },
    remove() {
      out.destroy();
      file.remove();
    },
  };
}
