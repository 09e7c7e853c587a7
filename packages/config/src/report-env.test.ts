import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";
import { reportEnvSchema } from "./report-env.ts";

describe("reportEnvSchema: CASEPULSE_ACCEPT_HOURS", () => {
  it.each([
    { value: undefined, hours: undefined },
    { value: "", hours: undefined },
    { value: "24", hours: 24 },
    { value: "48", hours: 48 },
    { value: "0.5", hours: 0.5 },
    { value: "8784", hours: 8784 },
  ])("$value → $hours (unset: the report's default)", ({ value, hours }) => {
    expect(parseEnv(reportEnvSchema, { CASEPULSE_ACCEPT_HOURS: value }).CASEPULSE_ACCEPT_HOURS).toBe(hours);
  });

  it.each(["0", "-1", "a day", "8785", "24h"])("%j stops the start with a message naming the variable", (value) => {
    expect(() => parseEnv(reportEnvSchema, { CASEPULSE_ACCEPT_HOURS: value })).toThrow(ConfigError);
    expect(() => parseEnv(reportEnvSchema, { CASEPULSE_ACCEPT_HOURS: value })).toThrow(/^invalid environment variable CASEPULSE_ACCEPT_HOURS \(/);
  });
});
