// Sizes of one bench run. The full sizes are the (>= 200k file records of each shape,
// ingests of 50k, 200k and 1M lines, >= 500k stream events, >= 10M stored events); --smoke
// shrinks them so a run takes about two minutes.
export interface BenchOptions {
  json: boolean;
  smoke: boolean;
  /** Runs per measurement; the table shows medians. */
  runs: number;
  /** Feed generator scale for the file ingest (scale 3.1 gives ~204k hotline lines). */
  fileScale: number;
  /** Lines of the monthly export of new orders, the file ingest's second shape. */
  newOrders: number;
  /** Sizes of the generator's export for the ingest growth (time and peak memory per size). */
  growthLines: readonly number[];
  streamEvents: number;
  latencyRate: number;
  latencySeconds: number;
  reportEvents: number;
  /** Other store sizes whose annual and monthly reports show how report time grows (beside reportEvents). */
  reportGrowth: readonly number[];
  only: ReadonlySet<string> | null;
}

export const SECTIONS = ["ingest", "stream", "reports"] as const;

export const USAGE = `usage: pnpm bench [--json] [--smoke] [--runs N] [--only ${SECTIONS.join(",")}]

  --json          one JSON object on standard output instead of the table
  --smoke         small sizes, one run (about two minutes; the tests run it)
  --runs N        runs per measurement, the table shows medians (default 3, 1 with --smoke)
  --only LIST     some of the sections: ${SECTIONS.join(", ")}
  -h, --help      this text

Needs the local Kafka and Redis (pnpm infra:up); inputs are cached in .casepulse/bench.`;

/** A mistake in the bench's arguments: one line and exit code 2 (bench/main.ts). */
export class BenchUsageError extends Error {
  override readonly name = "BenchUsageError";
}

/** The options, or "help" when --help or -h asks for the usage. */
export function parseOptions(args: readonly string[]): BenchOptions | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  // `npm run bench -- --json` may hand the separator on.
  const argv = args.filter((a) => a !== "--");
  const has = (flag: string) => argv.includes(flag);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const takesValue = (i: number) => argv[i - 1] === "--runs" || argv[i - 1] === "--only";
  const unknown = argv.filter((a, i) => !takesValue(i) && !["--json", "--smoke", "--runs", "--only"].includes(a));
  if (unknown.length) throw new BenchUsageError(`unknown argument ${unknown[0]}: expected --json, --smoke, --runs N, --only ${SECTIONS.join(",")} (see pnpm bench --help)`);
  for (const flag of ["--runs", "--only"]) {
    const i = argv.indexOf(flag);
    if (i >= 0 && (argv[i + 1] === undefined || argv[i + 1]!.startsWith("--"))) throw new BenchUsageError(`${flag} needs a value (see pnpm bench --help)`);
  }
  const smoke = has("--smoke");
  const runs = Number(value("--runs") ?? (smoke ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new BenchUsageError(`--runs ${value("--runs")}: must be a positive integer`);
  const only = value("--only");
  const sections = only ? new Set(only.split(",")) : null;
  const bad = [...(sections ?? [])].find((s) => !(SECTIONS as readonly string[]).includes(s));
  if (bad !== undefined) throw new BenchUsageError(`--only ${only}: ${bad} is not one of ${SECTIONS.join(",")}`);
  return {
    json: has("--json"),
    smoke,
    runs,
    fileScale: smoke ? 0.25 : 3.1,
    newOrders: smoke ? 5_000 : 200_000,
    growthLines: smoke ? [2_000, 5_000, 10_000] : [50_000, 200_000, 1_000_000],
    streamEvents: smoke ? 20_000 : 500_000,
    latencyRate: smoke ? 500 : 2_000,
    latencySeconds: smoke ? 4 : 30,
    reportEvents: smoke ? 200_000 : 10_000_000,
    reportGrowth: smoke ? [50_000] : [1_000_000, 30_000_000],
    only: sections,
  };
}
