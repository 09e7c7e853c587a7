import { describe, expect, it } from "vitest";
import { roundedPercent, yoyMessage } from "./alert-messages.ts";

describe("percent in messages: rounded half up, exactly", () => {
  it.each([
    [3, 40, 8], // 7.5%: 3 / 40 * 100 is 7.4999… in floating point
    [1, 8, 13], // 12.5%
    [5, 8, 63], // 62.5%
    [30, 40, 75],
    [19, 30, 63], // 63.33%
    [199, 200, 100], // 99.5%
    [1, 3, 33],
    [2, 3, 67],
  ])("%i / %i = %i%", (num, den, pct) => {
    expect(roundedPercent(num, den)).toBe(pct);
  });

  it.each([
    ["litigation.reconsideration.filed", 70, 40, "行政复议案件同比上升75%"],
    ["litigation.litigation.filed", 49, 30, "行政诉讼案件同比上升63%"],
    ["hotline.orders", 6, 4, "12345热线工单同比上升50%"],
    ["mediation.registered", 43, 40, "调解受理案件同比上升8%"],
  ])("%s %i vs %i: %s", (metric, now, prev, message) => {
    expect(yoyMessage(metric, now, prev)).toBe(message);
  });
});
