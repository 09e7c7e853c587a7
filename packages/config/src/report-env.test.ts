import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";
import { reportEnvSchema } from "./report-env.ts";
import { DEFAULT_STREET } from "./street-name.ts";

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

describe("reportEnvSchema: CASEPULSE_DEFAULT_STREET and CASEPULSE_ORG_NAME", () => {
  it("unset: FEEDS.md's default street, which also names the deployment", () => {
    const env = parseEnv(reportEnvSchema, {});
    expect([env.CASEPULSE_DEFAULT_STREET, env.CASEPULSE_ORG_NAME]).toStrictEqual([DEFAULT_STREET, DEFAULT_STREET]);
    expect(parseEnv(reportEnvSchema, { CASEPULSE_DEFAULT_STREET: "", CASEPULSE_ORG_NAME: "" }).CASEPULSE_ORG_NAME).toBe(DEFAULT_STREET);
  });

  it("the organisation's name defaults to the configured default street; each is kept as given", () => {
    expect(parseEnv(reportEnvSchema, { CASEPULSE_DEFAULT_STREET: "招商街道" }).CASEPULSE_ORG_NAME).toBe("招商街道");
    const env = parseEnv(reportEnvSchema, { CASEPULSE_DEFAULT_STREET: "招商街道", CASEPULSE_ORG_NAME: "南山区" });
    expect([env.CASEPULSE_DEFAULT_STREET, env.CASEPULSE_ORG_NAME]).toStrictEqual(["招商街道", "南山区"]);
  });

  it.each([
    ["CASEPULSE_DEFAULT_STREET", "   ", /not blank/],
    ["CASEPULSE_DEFAULT_STREET", " 招商街道", /blanks/],
    ["CASEPULSE_ORG_NAME", "\t", /must be the deployment's name, not blank/],
    ["CASEPULSE_ORG_NAME", "南山区 ", /blanks/],
  ])("%s=%j stops the start with one line naming it", (name, value, reason) => {
    expect(() => parseEnv(reportEnvSchema, { [name]: value })).toThrow(new RegExp(`^invalid environment variable ${name} \\(`));
    expect(() => parseEnv(reportEnvSchema, { [name]: value })).toThrow(reason);
  });
});
