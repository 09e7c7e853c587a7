import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouteServer, type OpsServer } from "./http-server.ts";
import { privateRoute } from "./private-route.ts";

const TOKEN = "a".repeat(64);
let server: OpsServer;
let url: string;
const asked: unknown[] = [];

beforeAll(async () => {
  server = await startRouteServer("127.0.0.1", 0, {
    "/query": privateRoute(TOKEN, async (request) => {
      asked.push(request);
      if ((request as { lines?: number }).lines) return { status: 200, text: (async function* () { yield "one\n"; yield "two\n"; })() };
      return { status: 200, json: { ok: true } };
    }),
  });
  url = `http://127.0.0.1:${server.port}/query`;
});
afterAll(() => server.close());

const post = (body: string, token = TOKEN) => fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body });

describe("privateRoute", () => {
  it("answers a POST with the token: JSON, or text as it streams", async () => {
    expect(await (await post("{}")).json()).toEqual({ ok: true });
    expect(await (await post('{"lines":2}')).text()).toBe("one\ntwo\n");
  });

  it("refuses, before the handler runs, another method, a missing or wrong token, a body that is not JSON or too large", async () => {
    asked.length = 0;
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url, { method: "POST", body: "{}" })).status).toBe(401);
    expect((await post("{}", "b".repeat(64))).status).toBe(401);
    expect((await post("{}", TOKEN.slice(1))).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(`"${"x".repeat(1 << 20)}"`)).status).toBe(413);
    expect(asked).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
  });
});
