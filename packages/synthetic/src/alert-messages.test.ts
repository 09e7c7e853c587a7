import { describe, expect, it } from "vitest";
import { overdueOpenMessage, roundedPercent, slaMessage, unitSlaMessage, yoyMessage } from "./alert-messages.ts";

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

describe("on-time closing messages: the rate cut to one decimal, the threshold as a whole percent", () => {
  it.each([
    ["蛇口街道执法队", 11, 8, "蛇口街道执法队按时办结率72.7%，低于80%"],
    ["蛇口街道执法队", 10, 7, "蛇口街道执法队按时办结率70%，低于80%"],
    ["南山区生态环境局", 1000, 799, "南山区生态环境局按时办结率79.9%，低于80%"],
  ] as const)("unit_sla %s %i closed, %i on time: %s", (unit, closed, onTime, message) => {
    expect(unitSlaMessage(unit, 0.8, closed, onTime)).toBe(message);
  });

  it("the sla message has the same rate and threshold wording", () => {
    expect(slaMessage(0.9, 11, 8)).toBe("12345热线工单按时办结率72.7%，低于90%");
    expect(unitSlaMessage("12345热线工单", 0.9, 11, 8)).toBe(slaMessage(0.9, 11, 8));
  });

  it("overdue_open", () => {
    expect(overdueOpenMessage(7)).toBe("超期未办结工单7件");
  });
});
