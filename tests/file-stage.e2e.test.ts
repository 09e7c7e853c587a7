// A file stage on the embedded engine holds a slice's tables only while a step still reads them:
// the lines and step one's rows are emptied once the lines left over after step two are taken
// (dropLines), the accepted rows once the new ones are chosen from them (selectFresh), so the
// batch's steps that follow (events, order state, msg_ids) run without them (docs/performance.md,
// "A slice's tables emptied as its steps end").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQL_ACCEPT_SETTINGS, SQL_ACCEPTERS } from "@casepulse/feeds";
import { createPiiProtector, rowsSql, rowsSqlParams } from "@casepulse/normalize";
import { migrate, openFileStage, openStore, type Store } from "@casepulse/store";
import { ROOT } from "./support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-file-stage-"));
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: join(dir, "data"), database: "file_stage" });
  await migrate(store);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async (table: string) => Number((await store.query<{ c: number }>(`SELECT count() AS c FROM ${table}`))[0]!.c);

describe("file stage: a slice's tables are emptied as its steps end", () => {
  it("holds the lines until the lines left over are taken, and the accepted rows until the new ones are chosen", async () => {
    const sample = readFileSync(join(ROOT, "samples", "hotline.jsonl"), "utf8").trim().split("\n").slice(0, 60);
    // A repeated msg_id and two lines the SQL leaves to zod, among valid ones.
    const lines = [...sample, sample[3]!, "{not json", '{"msg_id":5}'];
    const path = join(dir, "slice.jsonl");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const accepter = SQL_ACCEPTERS.hotline!;
    const stage = await openFileStage(store, "hotline");
    try {
      expect(await stage.load(path, 1, lines.length)).toBe(lines.length);
      await stage.extract((staged) => `${accepter.extract(staged)} SETTINGS ${SQL_ACCEPT_SETTINGS}`);
      await stage.accept((extracted) => `${rowsSql.hotline!(accepter.select(extracted))} SETTINGS ${SQL_ACCEPT_SETTINGS}`, rowsSqlParams(createPiiProtector("file-stage-test-key-0123456789ab")));
      const leftOver = [...(await stage.leftOver("extracted")), ...(await stage.leftOver("accepted"))];
      expect(leftOver.map((l) => l.line.toString())).toEqual(expect.arrayContaining(["{not json", '{"msg_id":5}']));
      const accepted = await rows(stage.accepted);
      expect(accepted).toBeGreaterThan(0);
      // The store is empty: every distinct msg_id of the accepted rows is new.
      const distinct = Number((await store.query<{ c: number }>(`SELECT uniqExact(msg_id) AS c FROM ${stage.accepted}`))[0]!.c);
      expect(distinct).toBeLessThan(accepted);
      expect(await rows(stage.extracted)).toBeGreaterThan(0);

      await stage.dropLines();
      expect({ lines: await rows(stage.lines), extracted: await rows(stage.extracted), accepted: await rows(stage.accepted) }).toEqual({ lines: 0, extracted: 0, accepted });

      const counts = await stage.selectFresh();
      expect(counts.accepted).toBe(accepted);
      expect(counts.fresh).toBe(distinct);
      expect({ accepted: await rows(stage.accepted), fresh: await rows(stage.fresh) }).toEqual({ accepted: 0, fresh: counts.fresh });
    } finally {
      await stage.close();
    }
  });
});
