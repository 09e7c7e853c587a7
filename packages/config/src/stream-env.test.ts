import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";
import { cronProblem, streamEnvSchema } from "./stream-env.ts";

describe("CASEPULSE_REPORT_CRON", () => {
  it.each(["0 8 1 * *", "0 0 8 1 * *", "*/15 * * * *", "0 8 1 1,4,7,10 *", "@monthly"])("%j is a schedule BullMQ runs", (cron) => {
    expect(cronProblem(cron)).toBeNull();
    expect(parseEnv(streamEnvSchema, { CASEPULSE_REPORT_CRON: cron }).CASEPULSE_REPORT_CRON).toBe(cron);
  });

  it.each([
    ["bad", /not a cron expression/],
    ["", /not empty/],
    ["   ", /not empty/],
    ["0 8 32 * *", /expected range 1-31/],
    ["0 25 1 * *", /not a cron expression/],
    ["0 8 1 * * * *", /too many fields/],
    // Parses, and never fires: February has no 30th.
    ["0 8 30 2 *", /fires/],
  ])("%j stops the start with one line naming the variable", (cron, reason) => {
    expect(cronProblem(cron)).toMatch(reason);
    expect(() => parseEnv(streamEnvSchema, { CASEPULSE_REPORT_CRON: cron })).toThrow(ConfigError);
    expect(() => parseEnv(streamEnvSchema, { CASEPULSE_REPORT_CRON: cron })).toThrow(/^invalid environment variable CASEPULSE_REPORT_CRON \(/);
  });

  it("defaults to 08:00 on the 1st", () => {
    expect(parseEnv(streamEnvSchema, {}).CASEPULSE_REPORT_CRON).toBe("0 8 1 * *");
  });
});
