import { describe, expect, it } from "vitest";
import { lastFiring } from "./report-schedule.ts";

describe("lastFiring", () => {
  it.each([
    // 08:00 in Shanghai on the 1st is 00:00 UTC on the 1st.
    ["0 8 1 * *", "2024-03-15T12:00:00Z", "2024-03-01T00:00:00Z"],
    ["0 8 1 * *", "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z"],
    ["0 8 1 * *", "2024-02-29T23:59:59Z", "2024-02-01T00:00:00Z"],
    // 07:59 Shanghai on the 1st: not yet due this month.
    ["0 8 1 * *", "2024-02-29T23:59:00Z", "2024-02-01T00:00:00Z"],
    ["30 6 * * 1", "2024-03-15T12:00:00Z", "2024-03-10T22:30:00Z"],
  ])("%s at %s was last due at %s", (cron, now, due) => {
    expect(new Date(lastFiring(cron, new Date(now))).toISOString()).toBe(new Date(due).toISOString());
  });
});
