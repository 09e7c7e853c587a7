// Regenerates the committed sample set: `npx tsx packages/synthetic/src/write-samples.ts`.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFeeds } from "./write-feeds.ts";

export const SAMPLE_SEED = 42;
export const SAMPLE_SCALE = 0.25;

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");
const manifest = await writeFeeds(samples, SAMPLE_SEED, { scale: SAMPLE_SCALE });
for (const [feed, f] of Object.entries(manifest.files)) {
  console.log(`${feed}: ${f.lines} lines, ${(f.bytes / 1024).toFixed(0)} KiB, ${f.rejected} rejected, ${f.redeliveries} redelivered`);
}
console.log(`quality: ${JSON.stringify(manifest.quality)}; ${manifest.periods.length} expected reports in ${samples}/expected`);
