// A ClickHouse server unreachable mid-stream: the pipeline reaches the server through a loopback
// TCP proxy the test cuts while store jobs insert, then restores; the jobs retry and the final
// figures equal the reference. It needs a server (CLICKHOUSE_URL=http://…, with CLICKHOUSE_USER/
// CLICKHOUSE_PASSWORD when required): this machine has none, so there the scenario is reported as
// not run, with the reason, and only the proxy it relies on is tested.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "@casepulse/store";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { waitFor } from "./support/processes.ts";
import { storeFacts } from "./support/store-facts.ts";
import { drainStopAndCompare, expectRecovered, recoveryFigures, startedRun, type GeneratedRun } from "./support/stream-run.ts";
import { startTcpProxy } from "./support/tcp-proxy.ts";

const SERVER = process.env.CLICKHOUSE_URL;
const CUT_MS = 8000;
const SCENARIO = "ClickHouse server unreachable mid-insert (TCP proxy cut)";

/** Sends `text` through a fresh connection to `port`; resolves with the echo or the error code. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let got = "";
    socket.on("connect", () => socket.write(text));
    socket.on("data", (d) => {
      got += d.toString();
      if (got.length >= text.length) (socket.end(), resolve(got));
    });
    socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
}

describe("faults: ClickHouse server unreachable", () => {
  it("the cuttable proxy: forwards, resets open connections and refuses new ones while cut, forwards again", async ({ task }) => {
    if (!SERVER) {
      record(task, {
        area: "faults",
        scenario: SCENARIO,
        notRun: "CLICKHOUSE_URL is unset: no ClickHouse server on this machine (embedded chDB only); runs where CLICKHOUSE_URL points to one",
        figures: {},
      });
    }
    const echo = createServer((s) => s.on("error", () => undefined).pipe(s));
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: (echo.address() as { port: number }).port });
    try {
      expect(await roundTrip(proxy.port, "before")).toBe("before");
      const open = createConnection({ host: "127.0.0.1", port: proxy.port });
      await new Promise((r) => open.once("connect", r));
      const reset = new Promise<string>((resolve) => {
        open.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
        open.once("close", () => resolve("closed"));
      });
      await proxy.cut();
      expect(["ECONNRESET", "closed"]).toContain(await reset);
      expect(await roundTrip(proxy.port, "during")).toBe("ECONNREFUSED");
      await proxy.restore();
      expect(await roundTrip(proxy.port, "after")).toBe("after");
    } finally {
      await proxy.close();
      await new Promise((r) => echo.close(r));
    }
  });
});

// Registered only where a server exists; elsewhere the row above says why it did not run.
if (SERVER) {
  describe("faults: ClickHouse server unreachable (server)", () => {
    let services: Services;
    beforeAll(async () => {
      services = await ensureServices();
    });
    afterAll(async () => services?.stop());

    it("proxy cut while store jobs insert, restored after 8 s: every figure equals the reference", async ({ task }) => {
      const target = new URL(SERVER);
      expect(target.protocol, "the proxy forwards plain HTTP (https would fail hostname checks)").toBe("http:");
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 8123) });
      const database = `casepulse_rel_${randomBytes(4).toString("hex")}`;
      const admin = await openStore({ url: SERVER, dataDir: "", database: "default", username: process.env.CLICKHOUSE_USER, password: process.env.CLICKHOUSE_PASSWORD });
      let run: GeneratedRun | undefined;
      try {
        const started = await startedRun(services, "chcut", 606, { CLICKHOUSE_URL: `http://127.0.0.1:${proxy.port}`, CASEPULSE_DB: database });
        run = started.run;
        const { probe, proc } = started;
        await waitFor("a store job inserting", async () => (await probe.jobs()).active > 0, 180_000, 10);
        const acceptedBefore = proxy.accepted;
        await proxy.cut();
        await new Promise((r) => setTimeout(r, CUT_MS));
        const retrying = (await probe.jobs()).delayed;
        await proxy.restore();
        const recovery = await drainStopAndCompare(run, proc, probe);
        const facts = await storeFacts(run.pipeline.env);
        const manifest = JSON.parse(readFileSync(join(run.feedsDir, "expected", "manifest.json"), "utf8"));
        record(task, {
          area: "faults",
          scenario: SCENARIO,
          figures: { "cut s": CUT_MS / 1000, "connections before cut": acceptedBefore, "jobs waiting to retry": retrying, ...recoveryFigures(recovery) },
        });
        expectRecovered(recovery);
        for (const feed of ["hotline", "mediation", "litigation"] as const) expect(facts.events[feed].rows_final, feed).toBe(manifest.files[feed].valid);
      } finally {
        await run?.cleanup();
        await proxy.close();
        await admin.command(`DROP DATABASE IF EXISTS ${database}`);
        await admin.close();
      }
    });

    // The analyst's read-only access, where the server loaded infra/clickhouse/users.d/analyst.xml.
    if (process.env.CLICKHOUSE_ANALYST_PASSWORD) {
      it("the analyst user reads casepulse and cannot write", async ({ task }) => {
        const analyst = await openStore({ url: SERVER, dataDir: "", database: "casepulse", username: "analyst", password: process.env.CLICKHOUSE_ANALYST_PASSWORD });
        try {
          const read = await analyst.query("SELECT count() AS n FROM casepulse.hotline_events").then(() => "ok", (e: Error) => e.message);
          const write = await analyst.command("CREATE TABLE casepulse.analyst_probe (x UInt8) ENGINE = Memory").then(() => "ok", (e: Error) => e.message);
          record(task, { area: "access", scenario: "analyst user on the server", figures: { select: read === "ok" ? "allowed" : read, create: write === "ok" ? "ALLOWED" : "refused" } });
          expect(read).toBe("ok");
          expect(write).not.toBe("ok");
        } finally {
          await analyst.close();
        }
      });
    }
  });
}
