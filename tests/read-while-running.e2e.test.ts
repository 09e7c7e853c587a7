// Reading while the pipeline runs: `casepulse start` holds the embedded folder, and sql, report,
// explain and dlq list still answer (through its loopback query endpoint) exactly what they
// answer once it has stopped and they open the folder themselves; ingest, dlq replay and
// report --publish refuse, naming the process. On the real Kafka broker and Redis.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "@casepulse/feeds";
import { runCli, type CliResult } from "./support/cli.ts";
import { testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";
import { workbookCells } from "./support/workbook.ts";

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

/** The read-only commands, each with its own output form; the database of testPipeline is `stream`. */
const READS: string[][] = [
  ["sql", "--format", "json", "SELECT community, count() AS orders FROM stream.hotline_orders WHERE registered GROUP BY community ORDER BY community"],
  ["sql", "--format", "csv", "--param", "feed=hotline", "SELECT reason, count() AS n FROM stream.rejected_events FINAL WHERE feed = {feed:String} GROUP BY reason ORDER BY reason"],
  ["sql", "--format", "pretty", "SELECT kind, count() AS cases FROM stream.mediation_cases GROUP BY kind ORDER BY kind"],
  ["report", "--period", "2024"],
  ["report", "--period", "2024-03", "--format", "md"],
  ["report", "--period", "2024", "--format", "html"],
  ["explain", "--period", "2024", "--metric", "hotline.closed_on_time", "--json"],
  ["dlq", "list", "--json", "--source", "hotline", "--limit", "5"],
];

const shown = (r: CliResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });
const heldBy = (pid: number) => new RegExp(`^casepulse: the data folder .+ is held by \`casepulse start\` \\(pid ${pid}\\)`);

interface OpsFile {
  host: string;
  port: number;
  pid: number;
  token: string;
}

describe("reading while casepulse start holds the embedded folder", () => {
  it("sql, report, explain and dlq list answer during a stream run what they answer after it; writes refuse", async () => {
    const p = testPipeline(services, "readwhile");
    try {
      const feeds = join(p.work, "feeds");
      const gen = await runCli(["generate", "--out", feeds, "--seed", "31", "--scale", "0.1"], {});
      expect(gen.code, gen.stderr).toBe(0);
      // One feed is produced only after the reads below: what the pipeline stores after an
      // analyst's statement was answered must be stored too.
      const [late, ...early] = [...FEEDS].reverse();
      const produce = async (feed: string) => expect((await runCli(["produce", "--source", feed, "--file", join(feeds, `${feed}.jsonl`)], p.env)).code).toBe(0);
      for (const feed of early) await produce(feed);
      const run = p.start();
      await run.httpPort;
      const pid = run.child.pid!;

      // Mid-stream: the figures are still moving, but every read answers and every write refuses.
      // (Side by side: no command here opens the folder.)
      const writes = [["ingest", "--source", "hotline", "--file", join(feeds, "hotline.jsonl")], ["dlq", "replay"], ["report", "--period", "2024", "--publish"]];
      const [midReport, midSql, ...refusals] = await Promise.all([["report", "--period", "2024"], ["sql", "SELECT count() AS n FROM stream.hotline_events"], ...writes].map((args) => runCli(args, p.env)));
      expect(midReport!.code, midReport!.stderr).toBe(0);
      expect(JSON.parse(midReport!.stdout)).toHaveProperty("period", "2024");
      expect(midSql!.code, midSql!.stderr).toBe(0);
      expect(midSql!.stdout).toMatch(/^n\n\d+\n$/);
      for (const [i, args] of writes.entries()) {
        const refused = refusals[i]!;
        expect(refused.code, args.join(" ")).toBe(1);
        expect(refused.stderr, args.join(" ")).toMatch(heldBy(pid));
        expect(refused.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      }

      await produce(late!);

      // The endpoint: loopback, for the folder's owner only, reads only.
      const opsPath = join(p.env.CASEPULSE_DATA!, ".casepulse-ops.json");
      expect(statSync(opsPath).mode & 0o777).toBe(0o600);
      const ops = JSON.parse(readFileSync(opsPath, "utf8")) as OpsFile;
      expect(ops.pid).toBe(pid);
      expect(ops.host).toBe("127.0.0.1");
      expect(ops.port).toBe(await run.httpPort);
      const url = `http://${ops.host}:${ops.port}/query`;
      const post = (body: object, token = ops.token) =>
        fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ database: "stream", ...body }) });
      expect((await fetch(url)).status).toBe(405);
      expect((await post({ op: "sql", sql: "SELECT 1", params: {}, format: "JSONEachRow" }, "not-the-token")).status).toBe(401);
      const write = await post({ op: "sql", sql: "DROP TABLE stream.reports", params: {}, format: "JSONEachRow" });
      expect(write.status).toBe(400);
      expect(((await write.json()) as { error: { name: string } }).error.name).toBe("NotReadOnlyError");
      expect((await post({ op: "replay" })).status).toBe(400);

      await p.waitDrained();
      const xlsxDuring = join(p.work, "during.xlsx");
      const [xlsxWritten, ...during] = await Promise.all([["report", "--period", "2024", "--format", "xlsx", "--out", xlsxDuring], ...READS].map(async (args) => shown(await runCli(args, p.env))));
      expect(xlsxWritten!.code, xlsxWritten!.stderr).toBe(0);

      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      expect(existsSync(opsPath)).toBe(false);

      for (const [i, args] of READS.entries()) {
        const after = shown(await runCli(args, p.env));
        expect(after.code, `${args.join(" ")}: ${after.stderr}`).toBe(0);
        expect(during[i], args.join(" ")).toEqual(after);
      }
      const xlsxAfter = join(p.work, "after.xlsx");
      expect((await runCli(["report", "--period", "2024", "--format", "xlsx", "--out", xlsxAfter], p.env)).code).toBe(0);
      expect(await workbookCells(xlsxDuring)).toEqual(await workbookCells(xlsxAfter));
      // Every record produced was stored or kept as a dead letter: the reads asked of the running
      // pipeline (the sql above all, run with readonly = 2) left its writes working to the end.
      const produced = FEEDS.reduce((sum, feed) => sum + readFileSync(join(feeds, `${feed}.jsonl`), "utf8").split("\n").filter((l) => l.trim() !== "").length, 0);
      const stored = await runCli(["sql", "SELECT sum(received) AS n FROM stream.ingest_batches FINAL"], p.env);
      expect(stored.stdout, stored.stderr).toBe(`n\n${produced}\n`);
      // What was compared is not empty: the stream stored orders, cases and dead letters.
      expect(JSON.parse(during[3]!.stdout).hotline.orders).toBeGreaterThan(0);
      expect(during[7]!.stdout.trim().split("\n")).toHaveLength(5);
    } finally {
      await p.cleanup();
    }
    // About 25 command runs, those after the stop one at a time (each opens the folder).
  }, 600_000);

  it("with the ops server on a network address, queries are answered on a loopback listener of their own", async () => {
    const p = testPipeline(services, "readnet", { CASEPULSE_HTTP_HOST: "0.0.0.0" });
    try {
      const run = p.start(["--roles", "store"]);
      const httpPort = await run.httpPort;
      const ops = JSON.parse(readFileSync(join(p.env.CASEPULSE_DATA!, ".casepulse-ops.json"), "utf8")) as OpsFile;
      expect(ops.host).toBe("127.0.0.1");
      expect(ops.port).not.toBe(httpPort);
      // Not on the ops server, which faces the network.
      expect((await fetch(`http://127.0.0.1:${httpPort}/query`, { method: "POST", headers: { authorization: `Bearer ${ops.token}` } })).status).toBe(404);
      const during = shown(await runCli(["sql", "SELECT count() AS n FROM stream.hotline_events"], p.env));
      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      expect(during).toEqual({ code: 0, stdout: "n\n0\n", stderr: "" });
      expect(shown(await runCli(["sql", "SELECT count() AS n FROM stream.hotline_events"], p.env))).toEqual(during);
    } finally {
      await p.cleanup();
    }
  });
});
