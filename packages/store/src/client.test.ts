import { describe, expect, it } from "vitest";
import { jsonLinesPayload } from "./client.ts";

describe("jsonLinesPayload", () => {
  it("is the lines joined by newlines and ended by one, as UTF-8, byte for byte", () => {
    const lines = [
      JSON.stringify({ msg_id: "h-1", category: "城乡建设/违法建设", street: "蛇口街道" }),
      "",
      JSON.stringify({ msg_id: "h-2", note: "emoji 😀 and a lone surrogate \ud800 kept as JSON escapes" }),
      // A raw lone surrogate, as no JSON.stringify output holds: encoded as Buffer.from encodes it (U+FFFD).
      "{\"x\":\"\ud800\"}",
      "plain ascii",
    ];
    const payload = jsonLinesPayload(lines);
    expect(payload.equals(Buffer.from(`${lines.join("\n")}\n`, "utf8"))).toBe(true);
    expect(payload.toString("utf8").split("\n")).toEqual([...lines.map((l) => l.replace("\ud800", "\ufffd")), ""]);
  });

  it("is empty for no lines", () => {
    expect(jsonLinesPayload([]).length).toBe(0);
  });
});
