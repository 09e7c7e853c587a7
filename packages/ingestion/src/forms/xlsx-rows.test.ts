import { once } from "node:events";
import { createRequire } from "node:module";
import { setImmediate } from "node:timers/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

// exceljs's WorkbookReader reads the archive with unzipper's Parse({ forceStream: true }) and stops
// at the stream's 'end'. Unpatched, Parse emitted 'end' as soon as its input was written, even with
// entries still buffered for a reader that had not taken them: under load a workbook then lost
// xl/workbook.xml ("Cannot read properties of undefined (reading 'sheets')"). patches/unzipper@*.patch
// leaves the end to the readable side; this test fails without it.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
const unzipper = fromExceljs("unzipper") as { Parse(o: { forceStream: boolean }): NodeJS.ReadWriteStream & AsyncIterable<{ path: string; autodrain(): void }> };

describe("the .xlsx archive reader (unzipper, patched)", () => {
  it("ends only after every entry was read, however far the parse ran ahead of the reader", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("案件列表").addRow(["案号", "收案日期"]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const zip = unzipper.Parse({ forceStream: true });
    let endedEarly = false;
    zip.on("end", () => (endedEarly = true));
    zip.end(bytes);
    await once(zip, "finish"); // the whole archive is parsed; no entry has been read yet
    await setImmediate();
    expect(endedEarly).toBe(false);
    const paths: string[] = [];
    for await (const entry of zip) {
      paths.push(entry.path);
      entry.autodrain();
    }
    expect(paths).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/styles.xml"]));
  });
});
