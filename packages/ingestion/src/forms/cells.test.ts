import { describe, expect, it } from "vitest";
import { cellValue, numberText, wallTime, type Cell, type ValueMap } from "./cells.ts";

/** exceljs gives a date-formatted cell as the Date of its serial read as UTC: 45383.4375 is this one. */
const serial = (s: number) => new Date(Math.round((s - 25569) * 86_400_000));

describe("wallTime and numberText", () => {
  it.each([
    { cell: serial(45383.4375), text: "2024-04-01 10:30:00" },
    { cell: serial(45383), text: "2024-04-01 00:00:00" },
    { cell: new Date(Date.UTC(2024, 3, 1, 10, 30, 0, 250)), text: "2024-04-01T10:30:00.250+08:00" },
  ])("$text", ({ cell, text }) => expect(wallTime(cell)).toBe(text));
  it.each([
    { n: 123, text: "123" },
    { n: 123.0, text: "123" },
    { n: 20240001234, text: "20240001234" },
    { n: 12500.5, text: "12500.5" },
    { n: -3, text: "-3" },
  ])("$n → $text", ({ n, text }) => expect(numberText(n)).toBe(text));
});

describe("cellValue", () => {
  const status: ValueMap = { 已立案: "filed", 审理中: "hearing" };
  const head: ValueMap = { 是: true, 否: false };
  it.each<{ name: string; type: "text" | "count" | "boolean" | "amount" | "timestamp" | "enum"; cell: Cell; values?: ValueMap; want: unknown }>([
    { name: "empty text is no key", type: "text", cell: "", want: undefined },
    { name: "null is no key", type: "text", cell: null, want: undefined },
    { name: "blank text is passed on (validation judges)", type: "text", cell: "  ", want: "  " },
    { name: "a number in a text key is its decimal text", type: "text", cell: 123, want: "123" },
    { name: "a date cell in a timestamp key", type: "timestamp", cell: serial(45383.4375), want: "2024-04-01 10:30:00" },
    { name: "a serial without a date format stays a number's text", type: "timestamp", cell: 45383.4375, want: "45383.4375" },
    { name: "timestamp text as written", type: "timestamp", cell: "2024-03-31T17:30:00Z", want: "2024-03-31T17:30:00Z" },
    { name: "count from text", type: "count", cell: "3", want: 3 },
    { name: "count from a number", type: "count", cell: 3, want: 3 },
    { name: "count with a fraction is passed on", type: "count", cell: 3.5, want: 3.5 },
    { name: "count text that is not an integer", type: "count", cell: "三", want: "三" },
    { name: "amount text with separators", type: "amount", cell: "12,500.00", want: "12,500.00" },
    { name: "amount number", type: "amount", cell: 12500.5, want: 12500.5 },
    { name: "boolean cell", type: "boolean", cell: true, want: true },
    { name: "boolean text TRUE", type: "boolean", cell: "TRUE", want: true },
    { name: "boolean text false", type: "boolean", cell: "false", want: false },
    { name: "boolean 是", type: "boolean", cell: "是", values: head, want: true },
    { name: "boolean 否", type: "boolean", cell: "否", values: head, want: false },
    { name: "boolean other text passed on", type: "boolean", cell: "出庭", values: head, want: "出庭" },
    { name: "Chinese value mapped", type: "enum", cell: "已立案", values: status, want: "filed" },
    { name: "contract value unchanged", type: "enum", cell: "hearing", values: status, want: "hearing" },
    { name: "unknown value as written", type: "enum", cell: "待定", values: status, want: "待定" },
    { name: "a numeric cell mapped by its text", type: "enum", cell: 1, values: { "1": "filed" }, want: "filed" },
  ])("$name", ({ type, cell, values, want }) => expect(cellValue({ type } as never, cell, values)).toStrictEqual(want));
});
