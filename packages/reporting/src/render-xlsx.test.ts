import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderXlsx, wallTime } from "./render-xlsx.ts";
import { fixtureReport } from "./report-fixture.ts";
import { figureKind } from "./xlsx-sheets.ts";

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as never);
  return book;
}

/** The cell right of the first cell in column A (or C, for a figure's path) holding `label`. */
function cellBy(sheet: ExcelJS.Worksheet, label: string, column = 1): ExcelJS.Cell {
  for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getRow(r).getCell(column).value === label) return sheet.getRow(r).getCell(2);
  throw new Error(`${sheet.name}: no row ${label}`);
}

describe("renderXlsx", () => {
  it("a rate over nothing is a blank cell, never 0; an empty list says so; counts are numbers", async () => {
    const report = fixtureReport({ closed: 0, closedOnTime: 0, units: [], overdue: [], overdueOpen: 0 });
    const book = await read(await renderXlsx(report));
    const key = book.getWorksheet("主要指标")!;
    expect(cellBy(key, "hotline.on_time_close_rate", 3).value).toBeNull();
    expect(cellBy(key, "hotline.orders", 3).value).toBe(report.hotline.orders);
    expect(cellBy(key, "hotline.orders", 3).numFmt).toBe("#,##0");
    expect(cellBy(key, "hotline.satisfaction_rate", 3).numFmt).toBe("0.0%");
    const units = book.getWorksheet("承办单位")!;
    expect(units.getRow(3).getCell(1).value).toBe("（无）");
  });

  it("rates, year on year changes, hours and amounts by their JSON names", () => {
    expect(["hotline.on_time_close_rate", "hotline.yoy", "litigation.reconsideration.yoy", "mediation.success_rate"].map(figureKind)).toEqual(["rate", "rate", "rate", "rate"]);
    expect(["hotline.close_hours_median", "mediation.amount_yuan", "hotline.orders", "mediation.by_kind.人民调解"].map(figureKind)).toEqual(["hours", "amount", "count", "count"]);
  });

  it("a Shanghai time becomes a date cell of its wall time", () => {
    expect(wallTime("2024-03-25T18:00:00+08:00").toISOString()).toBe("2024-03-25T18:00:00.000Z");
    expect(wallTime("2024-03-25T18:00:00.250+08:00").toISOString()).toBe("2024-03-25T18:00:00.250Z");
  });
});
