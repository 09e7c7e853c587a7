// What `casepulse generate` does; its definition (commands/generate.ts) loads this when it runs.
import { accessSync, constants, mkdirSync } from "node:fs";
import { FILE_FORMATS, streetFolderProblem, writeFeeds, type FileFormat } from "@casepulse/synthetic";
import type { GenerateOptions } from "../commands/generate.ts";
import { UsageError } from "../usage-error.ts";

/** About 6.8 million records; far more than any test or demo needs. */
const MAX_SCALE = 100;

/** A street name must also name a folder of expected/streets/. */
function checkStreet(street: string, name: string, text: string): string {
  const problem = streetFolderProblem(street);
  if (problem !== null) throw new UsageError(`${name} ${text}: ${problem}`);
  return street;
}

/** --streets: names separated by commas (, or ，), each non-blank and distinct. */
function streetList(text: string): string[] {
  const list = text.split(/[,，]/).map((s) => checkStreet(s.trim(), "--streets", text));
  if (new Set(list).size !== list.length) throw new UsageError(`--streets ${text}: a street is named twice`);
  return list;
}

export async function generate(opts: GenerateOptions): Promise<void> {
  const seed = Number(opts.seed);
  const scale = Number(opts.scale);
  // Number("") is 0: an empty --seed= is a mistake, not seed 0.
  if (opts.seed.trim() === "" || !Number.isInteger(seed)) throw new UsageError(`--seed ${opts.seed}: must be an integer`);
  // The generator holds the feeds in memory: Infinity or 1e9 ran until the machine gave out.
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new UsageError(`--scale ${opts.scale}: must be a number above 0 and at most ${MAX_SCALE}`);
  const formats = (opts.formats ?? "").split(",").map((f) => f.trim()).filter((f) => f !== "");
  const unknown = formats.find((f) => !(FILE_FORMATS as readonly string[]).includes(f));
  if (unknown !== undefined) throw new UsageError(`--formats ${opts.formats}: ${unknown} is not one of ${FILE_FORMATS.join(", ")}`);
  const streets = opts.streets === undefined ? undefined : streetList(opts.streets);
  // The expected figures are those of the deployment the feeds are for: its default street (unset
  // or empty: REPORT.md's default, which the synthetic package applies).
  const envDefault = process.env.CASEPULSE_DEFAULT_STREET ?? "";
  const defaultStreet = envDefault === "" ? undefined : checkStreet(envDefault, "CASEPULSE_DEFAULT_STREET", envDefault);
  try {
    // Checked before generating: an --out that is a file used to end in a stack trace.
    mkdirSync(opts.out, { recursive: true });
    accessSync(opts.out, constants.W_OK);
  } catch (err) {
    throw new UsageError(`--out ${opts.out}: cannot write there (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const manifest = await writeFeeds(opts.out, seed, {
    scale,
    formats: formats as FileFormat[],
    ...(streets ? { streets } : {}),
    ...(defaultStreet ? { defaultStreet } : {}),
  });
  console.log(opts.json ? JSON.stringify({ out: opts.out, ...manifest }) : `wrote synthetic feeds to ${opts.out}: ${JSON.stringify(manifest)}`);
}
