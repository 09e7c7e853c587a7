// prepareExport on a worker thread: the conversion's memory is released when it ends, before the
// store is opened, so a large workbook's shared-string table never sits beside the engine's memory.
// A plain JSON-lines export needs no conversion and no thread: it is checked here and read where
// it is (a thread's start, loading the readers of every form, cost an ingest about half a second
// before the store could open).
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { startWorker } from "../start-worker.ts";
import { FileFormError } from "./errors.ts";
import { preparedAsIs, type ExportOptions, type PreparedExport } from "./prepare-export.ts";

type Reply =
  | { ok: true; result: Omit<PreparedExport, "remove">; converted: boolean }
  | { ok: false; fileForm: boolean; message: string };

export async function prepareExportApart(options: Omit<ExportOptions, "pii"> & { piiKey: string }): Promise<PreparedExport> {
  const ready = await preparedAsIs(options);
  if (ready) return ready;
  const worker = startWorker("forms/prepare-worker", options);
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the export's reader exited ${code}`)));
    });
    if (!reply.ok) throw reply.fileForm ? new FileFormError(reply.message) : new Error(reply.message);
    const { result, converted } = reply;
    return { ...result, remove: () => (converted ? rmSync(dirname(result.path), { recursive: true, force: true }) : undefined) };
  } finally {
    await worker.terminate();
  }
}
