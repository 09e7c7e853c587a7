import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";
import { streamEnvSchema } from "./stream-env.ts";

const parse = (env: Record<string, string>) => parseEnv(streamEnvSchema, env);

/** The one line a bad value stops the start with. */
function refusal(env: Record<string, string>): string {
  try {
    parse(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).not.toContain("\n");
    return (err as Error).message;
  }
  return expect.fail("expected a ConfigError");
}

describe("CASEPULSE_REPORT_STREETS", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["all", "all"],
    [" all ", "all"],
    ["蛇口街道", ["蛇口街道"]],
    ["蛇口街道, 招商街道 ,粤海街道,招商街道", ["蛇口街道", "招商街道", "粤海街道"]],
  ])("%j → %j (unset: the district's report only)", (value, streets) => {
    expect(parse(value === undefined ? {} : { CASEPULSE_REPORT_STREETS: value }).CASEPULSE_REPORT_STREETS).toStrictEqual(streets);
  });

  it.each(["蛇口街道,,招商街道", "蛇口街道,", " , "])("%j: a blank street stops the start naming the variable", (value) => {
    expect(refusal({ CASEPULSE_REPORT_STREETS: value })).toMatch(/^invalid environment variable CASEPULSE_REPORT_STREETS \(.*\): street \d of the list is blank/);
  });
});

describe("CASEPULSE_STREET_WEBHOOKS", () => {
  const hooks = { 招商街道: "https://robot.example.org/send?key=secret-1", 蛇口街道: "http://127.0.0.1:9000/hook" };

  it("a JSON object of street → URL, for streets the reporter reports", () => {
    const env = parse({ CASEPULSE_REPORT_STREETS: "蛇口街道,招商街道", CASEPULSE_STREET_WEBHOOKS: JSON.stringify(hooks) });
    expect(env.CASEPULSE_STREET_WEBHOOKS).toStrictEqual(hooks);
    expect(parse({ CASEPULSE_REPORT_STREETS: "all", CASEPULSE_STREET_WEBHOOKS: JSON.stringify(hooks) }).CASEPULSE_STREET_WEBHOOKS).toStrictEqual(hooks);
    expect(parse({}).CASEPULSE_STREET_WEBHOOKS).toStrictEqual({});
  });

  it.each([
    ["{not json", /must be a JSON object of street → webhook URL/],
    ['["https://a.example"]', /must be a JSON object/],
    ['{"招商街道": 1}', /the webhook of 招商街道 must be a URL/],
    ['{"招商街道": "ftp://robot.example.org/send?key=secret-2"}', /the webhook of 招商街道 must be a URL \(http: or https:\)/],
    ['{" ": "https://robot.example.org/send?key=secret-3"}', /key " " must be a street's name, not blank/],
  ])("%s stops the start with one line, never quoting a URL", (value, reason) => {
    const message = refusal({ CASEPULSE_REPORT_STREETS: "all", CASEPULSE_STREET_WEBHOOKS: value });
    expect(message).toMatch(/^invalid environment variable CASEPULSE_STREET_WEBHOOKS \("\(hidden\)"\): /);
    expect(message).toMatch(reason);
    expect(message).not.toMatch(/secret|robot\.example/);
  });

  it("a webhook of a street whose report is not asked for stops the start", () => {
    const message = refusal({ CASEPULSE_REPORT_STREETS: "蛇口街道", CASEPULSE_STREET_WEBHOOKS: JSON.stringify(hooks) });
    expect(message).toMatch(/^invalid environment variable CASEPULSE_STREET_WEBHOOKS \("\(hidden\)"\): names 招商街道, whose report CASEPULSE_REPORT_STREETS does not ask for$/);
    expect(refusal({ CASEPULSE_STREET_WEBHOOKS: JSON.stringify(hooks) })).toMatch(/names 招商街道, 蛇口街道, whose report/);
  });
});
