// A district's feeds (FEEDS.md "All feeds": three streets, transferred orders, records naming no
// street), through the file path and through the stream path: every report, of the district and of
// each street, for every period, equals the independent reference (REPORT.md "Streets"), and so for
// another CASEPULSE_DEFAULT_STREET; `report --street` answered by the running pipeline too.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "@casepulse/feeds";
import { childJson } from "./support/child-script.ts";
import { cliJson, runCli } from "./support/cli.ts";
import { reportDifferences } from "./support/compare.ts";
import { produceAll, testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";

const STREETS = ["蛇口街道", "招商街道", "粤海街道"];
const OTHER_DEFAULT = "粤海街道";

interface Manifest {
  periods: string[];
  streets: string[];
  defaultStreet: string;
}

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

/** The district's feeds in `dir`, the reference for the default street given (unset: FEEDS.md's). */
async function generate(dir: string, defaultStreet?: string): Promise<Manifest> {
  const env: Record<string, string> = defaultStreet === undefined ? {} : { CASEPULSE_DEFAULT_STREET: defaultStreet };
  const r = await runCli(["generate", "--out", dir, "--seed", "23", "--scale", "0.2", "--streets", STREETS.join(",")], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, "expected", "manifest.json"), "utf8")) as Manifest;
}

const reference = (dir: string, period: string, street: string | null): unknown =>
  JSON.parse(readFileSync(join(dir, "expected", street === null ? `${period}.json` : join("streets", street, `${period}.json`)), "utf8"));

/** Every report of every period and scope from the store `env` names, against the reference in `dir`. */
async function differences(env: Record<string, string>, dir: string, m: Manifest, work: string): Promise<string[]> {
  const requests = m.periods.flatMap((period) => [null, ...m.streets].map((street) => ({ period, street })));
  const file = join(work, `requests-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(requests));
  const reports = await childJson<unknown[]>("report-batch.ts", [file], env);
  return requests.flatMap(({ period, street }, i) => reportDifferences(reports[i], reference(dir, period, street)).map((d) => `${period} ${street ?? "(district)"} ${d}`));
}

describe("a district's reports, every street's and the district's", () => {
  it("the file path: every period and scope equals the reference, for the default street and another", async () => {
    const p = testPipeline(services, "streetsfile");
    try {
      const feeds = join(p.work, "feeds");
      const m = await generate(feeds);
      expect([...m.streets].sort()).toStrictEqual([...STREETS].sort());
      expect(m.periods.length).toBe(26);
      for (const feed of FEEDS) expect((await runCli(["ingest", "--source", feed, "--file", join(feeds, `${feed}.jsonl`)], p.env)).code).toBe(0);
      expect(await differences(p.env, feeds, m, p.work)).toEqual([]);
      // The same feeds for a deployment whose default street is another: only the reference differs.
      const other = join(p.work, "other-default");
      const o = await generate(other, OTHER_DEFAULT);
      expect(readFileSync(join(other, "hotline.jsonl"), "utf8") === readFileSync(join(feeds, "hotline.jsonl"), "utf8")).toBe(true);
      expect(o.defaultStreet).toBe(OTHER_DEFAULT);
      expect(await differences({ ...p.env, CASEPULSE_DEFAULT_STREET: OTHER_DEFAULT }, other, o, p.work)).toEqual([]);
    } finally {
      await p.cleanup();
    }
  }, 900_000);

  it("the stream path: every period and scope equals the reference; report --street asked of the running pipeline", async () => {
    const p = testPipeline(services, "streetsstream");
    try {
      const feeds = join(p.work, "feeds");
      const m = await generate(feeds);
      await produceAll(p.env, feeds);
      const run = p.start();
      await run.httpPort;
      await p.waitDrained();
      // The running start holds the folder: the command's street travels to it and back.
      for (const [period, street] of [["2024", "招商街道"], ["2024-06", "蛇口街道"]] as const) {
        const got = await cliJson<unknown>(["report", "--period", period, "--street", street], p.env);
        expect(reportDifferences(got, reference(feeds, period, street)), `${period} ${street}`).toEqual([]);
        const explained = await cliJson<{ count: number }>(["explain", "--period", period, "--metric", "hotline.orders", "--street", street, "--json"], p.env);
        expect(explained.count, `explain ${period} ${street}`).toBe((reference(feeds, period, street) as { hotline: { orders: number } }).hotline.orders);
      }
      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      expect(await differences(p.env, feeds, m, p.work)).toEqual([]);
    } finally {
      await p.cleanup();
    }
  }, 900_000);
});
