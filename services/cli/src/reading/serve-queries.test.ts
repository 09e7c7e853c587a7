import { describe, expect, it } from "vitest";
import { isLoopback } from "./serve-queries.ts";

describe("isLoopback", () => {
  it("the loopback addresses and localhost, nothing else", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"].filter(isLoopback)).toHaveLength(6);
    expect(["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "example.org", "128.0.0.1", "::2"].filter(isLoopback)).toEqual([]);
  });
});
