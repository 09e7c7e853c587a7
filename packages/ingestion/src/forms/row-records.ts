// One spreadsheet row → the record(s) it stands for, as JSON lines for validation (FEEDS.md
// "Files"): the row's record after the header, value and cell conversions, with its msg_id
// derived when the export has none; a hotline order row becomes one event per step it has a time
// for, each with the msg_id `<order_id>:<event>:<time as the row gives it>`.
import { HOTLINE_ORDER_STEPS } from "@casepulse/feeds";
import type { PiiProtector } from "@casepulse/normalize";
import { cellValue, type Cell } from "./cells.ts";
import type { HeaderPlan } from "./header.ts";

type RowRecord = Record<string, string | number | boolean>;

/** The row's keys and values (absent keys left out), in the header's column order. */
export function rowRecord(plan: HeaderPlan, cells: readonly Cell[]): RowRecord {
  const record: RowRecord = {};
  plan.keys.forEach((key, i) => {
    if (key === null) return;
    const value = cellValue(plan.specs[key]!, cells[i], plan.values[key]);
    if (value !== undefined) record[key] = value;
  });
  return record;
}

/** JSON with the keys sorted and no whitespace: the text a row's msg_id is the HMAC of. */
export function canonicalJson(record: RowRecord): string {
  return JSON.stringify(Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]])));
}

/** The JSON line(s) of one row; none for a row with no value at all. */
export function rowLines(plan: HeaderPlan, cells: readonly Cell[], pii: PiiProtector): string[] {
  const record = rowRecord(plan, cells);
  if (Object.keys(record).length === 0) return [];
  if (plan.orderRows) return orderRowEvents(record).map((e) => JSON.stringify(e));
  if (plan.hasMsgId) return [JSON.stringify(record)];
  return [JSON.stringify({ msg_id: pii.rowMsgId(canonicalJson(record)), ...record })];
}

/**
 * The events of an order row. A row without any step time still gives its 登记 (without
 * event_time, so it is rejected with that reason and kept), rather than vanishing.
 */
export function orderRowEvents(row: RowRecord): RowRecord[] {
  const orderId = row.order_id;
  const events: RowRecord[] = [];
  const event = (step: (typeof HOTLINE_ORDER_STEPS)[number], time: string | number | boolean | undefined): RowRecord => {
    const e: RowRecord = {};
    if (orderId !== undefined) e.msg_id = `${String(orderId)}:${step.event}:${time === undefined ? "" : String(time)}`;
    if (orderId !== undefined) e.order_id = orderId;
    e.event = step.event;
    if (time !== undefined) e.event_time = time;
    for (const key of step.keys) if (row[key] !== undefined) e[key] = row[key];
    return e;
  };
  for (const step of HOTLINE_ORDER_STEPS) {
    const time = row[step.at];
    if (time !== undefined) events.push(event(step, time));
  }
  return events.length > 0 ? events : [event(HOTLINE_ORDER_STEPS[0], undefined)];
}
