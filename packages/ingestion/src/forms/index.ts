export { prepareExport, type ExportOptions, type PreparedExport } from "./prepare-export.ts";
export { prepareExportApart } from "./prepare-apart.ts";
export { FileFormError } from "./errors.ts";
export { EXPORT_FORMS, type ExportForm } from "./sniff.ts";
export type { TextEncoding } from "./csv-rows.ts";
