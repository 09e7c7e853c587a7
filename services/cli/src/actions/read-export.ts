// What `ingest` and `produce` share: the export in any of FEEDS.md's forms, made into JSON lines
// before anything is stored or sent (standard input first copied to a private file: the embedded
// engine must never see fd 0). A file that cannot be read at all ends here, in one line, exit 2.
import { basename } from "node:path";
import { tmpdir } from "node:os";
import { FileFormError, prepareExportApart, type PreparedExport } from "@casepulse/ingestion";
import { spoolStdin } from "@casepulse/store";
import type { IngestOptions } from "../commands/ingest.ts";
import { loadEnv } from "../context.ts";
import { UsageError } from "../usage-error.ts";
import { checkReadableFile } from "./ingest.ts";

export interface ReadExport extends PreparedExport {
  /** What places call the export: its base name, or `stdin`. */
  sourceName: string;
}

export async function withExport<T>(opts: Omit<IngestOptions, "json">, fn: (exported: ReadExport) => Promise<T>): Promise<T> {
  const stdin = opts.file === "-" ? await spoolStdin(tmpdir()) : null;
  let prepared: PreparedExport | null = null;
  try {
    const path = stdin?.path ?? opts.file;
    checkReadableFile(path);
    const piiKey = loadEnv().CASEPULSE_PII_KEY;
    try {
      prepared = await prepareExportApart({
        path,
        name: opts.file,
        feed: opts.source,
        format: opts.format,
        encoding: opts.encoding,
        mappingPath: opts.mapping,
        piiKey,
        tmpDir: tmpdir(),
      });
    } catch (err) {
      if (!(err instanceof FileFormError)) throw err;
      throw new UsageError(err.message.startsWith("--") ? err.message : `--file ${opts.file}: ${err.message}`);
    }
    if (prepared.ignored.length > 0) console.error(`casepulse: --file ${opts.file}: columns that give no key of the ${opts.source} feed, ignored: ${prepared.ignored.join(", ")}`);
    return await fn({ ...prepared, sourceName: opts.file === "-" ? "stdin" : basename(opts.file) });
  } finally {
    prepared?.remove();
    stdin?.remove();
  }
}
