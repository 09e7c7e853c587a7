// What `casepulse demo` does; its definition (commands/demo.ts) loads this when it runs.
import { fileURLToPath } from "node:url";
import { FEEDS } from "@casepulse/feeds";
import type { DemoOptions } from "../commands/demo.ts";
import { withContext } from "../context.ts";
import { formatOutcome, ingestOne } from "./ingest.ts";
import { checkPeriod, figureOptions, reportText } from "./report.ts";

const SAMPLES = fileURLToPath(new URL("../../../../samples", import.meta.url));

export async function demo(opts: DemoOptions): Promise<void> {
  const options = figureOptions();
  const text = await withContext(async (ctx) => {
    for (const feed of FEEDS) {
      const path = `${SAMPLES}/${feed}.jsonl`;
      console.error(formatOutcome(feed, `samples/${feed}.jsonl`, await ingestOne(ctx, feed, path)));
    }
    return reportText(ctx.store, checkPeriod(opts.period), opts.format, options);
  });
  process.stdout.write(text);
}
