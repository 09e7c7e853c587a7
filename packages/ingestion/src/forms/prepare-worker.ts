// The worker thread of prepareExportApart: converts the export and hands back where its JSON
// lines are. Its memory (a workbook's shared strings above all) goes with the thread.
import { parentPort, workerData } from "node:worker_threads";
import { createPiiProtector } from "@casepulse/normalize";
import { FileFormError } from "./errors.ts";
import { prepareExport, type ExportOptions } from "./prepare-export.ts";

const { piiKey, ...options } = workerData as Omit<ExportOptions, "pii"> & { piiKey: string };
const port = parentPort!;
try {
  const p = await prepareExport({ ...options, pii: createPiiProtector(piiKey) });
  const { remove: _remove, ...result } = p;
  const converted = p.path !== options.path;
  port.postMessage({ ok: true, result, converted }, p.lineRows ? [p.lineRows.buffer as ArrayBuffer] : []);
} catch (err) {
  port.postMessage({ ok: false, fileForm: err instanceof FileFormError, message: err instanceof Error ? err.message : String(err) });
}
