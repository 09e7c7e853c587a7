// Chinese phrases that carry the figures. Percentages come from the integer counts (as in the
// alert messages): changes rounded half up to an integer, rates cut to one decimal.
import { roundedPercent, truncatedPercent } from "./alerts.ts";

/** 2024 → 2024年, 2024-03 → 2024年3月. */
export function periodName(period: string): string {
  const [y, m] = period.split("-");
  return m ? `${y}年${Number(m)}月` : `${y}年`;
}

/** A rate as text, or — when there is nothing to divide by. */
export function ratePercent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${truncatedPercent(part, whole)}%`;
}

/**
 * A rate given only as a fraction (no counts to divide), cut to one decimal like ratePercent. The
 * small allowance keeps a fraction such as 0.7, stored as 0.69999…, from reading 69.9%.
 */
export function rateText(rate: number): string {
  return `${(Math.floor(rate * 1000 + 1e-9) / 10).toFixed(1).replace(/\.0$/, "")}%`;
}

/** Hours as the report gives them (to 0.01): 17, 2.33. */
export const hoursText = (hours: number) => String(hours);

/** How a count compares with the same period a year before. */
export function changePhrase(current: number, prev: number): string {
  if (prev === 0) return current === 0 ? "与上年同期持平" : "上年同期为0";
  if (current === prev) return "与上年同期持平";
  return current > prev ? `同比上升${roundedPercent(current - prev, prev)}%` : `同比下降${roundedPercent(prev - current, prev)}%`;
}

export interface NamedCount {
  name: string;
  current: number;
  prev: number;
}

/**
 * Several counts side by side, as the annual report writes them: "分别同比上升75%、63%" when they
 * move the same way with a percentage each, one clause per count otherwise.
 */
export function pairedChange(items: readonly NamedCount[]): string {
  const rising = items.every((i) => i.prev > 0 && i.current > i.prev);
  const falling = items.every((i) => i.prev > 0 && i.current < i.prev);
  if (items.length > 1 && (rising || falling)) {
    const pcts = items.map((i) => `${roundedPercent(Math.abs(i.current - i.prev), i.prev)}%`);
    return `分别同比${rising ? "上升" : "下降"}${pcts.join("、")}`;
  }
  return items.map((i) => `${i.name}${changePhrase(i.current, i.prev)}`).join("，");
}

/** The first `n` entries as "甲（3件）、乙（2件）". */
export function topList(rows: readonly { name: string; count: number }[], n: number, unit = "件"): string {
  return rows
    .slice(0, n)
    .map((r) => `${r.name}（${r.count}${unit}）`)
    .join("、");
}

/** Yuan with thousands groups and two decimals. */
export function yuan(x: number): string {
  return x.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 一、, 二、, … as the report numbers its sections. */
export const sectionNumber = (index: number) => `${NUMERALS[index] ?? String(index + 1)}、`;

/** (一), (二), … as the report numbers its points; past ten the Arabic number. */
export function pointNumber(index: number): string {
  return `（${NUMERALS[index] ?? String(index + 1)}）`;
}
