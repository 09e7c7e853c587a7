import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.ts";
import { parseRoles } from "./start.ts";

describe("parseRoles", () => {
  it.each([
    ["ingest,store,reporter", ["ingest", "store", "reporter"], 0],
    [" store , ingest ", ["store", "ingest"], 0],
    ["store,store", ["store"], 0],
    // The role's old name, for one release: the same role, and one warning line.
    ["normalizer", ["store"], 1],
    ["ingest,normalizer,reporter", ["ingest", "store", "reporter"], 1],
    ["normalizer,store", ["store"], 1],
  ])("%j gives %j with %i warning(s)", (text, roles, warnings) => {
    const lines: string[] = [];
    expect(parseRoles(text, (line) => lines.push(line))).toEqual(roles);
    expect(lines).toHaveLength(warnings);
    for (const line of lines) expect(line).toMatch(/^casepulse: warning: role normalizer is now called store;[^\n]*$/);
  });

  it.each(["", ",", "all", "ingest,foo", "INGEST", "normalize", "store-worker", "constructor"])("%j is a usage error", (text) => {
    expect(() => parseRoles(text, () => undefined)).toThrow(UsageError);
  });
});
