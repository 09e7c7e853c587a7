// Sizes of one bench run. The full sizes are the (>= 200k file records, >= 500k stream
// events, >= 10M stored events); --smoke shrinks them so a run takes well under a minute.
export interface BenchOptions {
  json: boolean;
  smoke: boolean;
  /** Runs per measurement; the table shows medians. */
  runs: number;
  /** Feed generator scale for the file ingest (scale 3.1 gives ~204k hotline lines). */
  fileScale: number;
  streamEvents: number;
  latencyRate: number;
  latencySeconds: number;
  reportEvents: number;
  only: ReadonlySet<string> | null;
}

export const SECTIONS = ["ingest", "stream", "reports"] as const;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const has = (flag: string) => argv.includes(flag);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const unknown = argv.filter((a, i) => a.startsWith("--") && !["--json", "--smoke", "--runs", "--only"].includes(a) && argv[i - 1] !== "--runs");
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}: expected --json, --smoke, --runs N, --only ingest,stream,reports`);
  const smoke = has("--smoke");
  const runs = Number(value("--runs") ?? (smoke ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  const only = value("--only");
  const sections = only ? new Set(only.split(",")) : null;
  const bad = [...(sections ?? [])].find((s) => !(SECTIONS as readonly string[]).includes(s));
  if (bad) throw new Error(`--only ${bad}: expected a subset of ${SECTIONS.join(",")}`);
  return {
    json: has("--json"),
    smoke,
    runs,
    fileScale: smoke ? 0.25 : 3.1,
    streamEvents: smoke ? 20_000 : 500_000,
    latencyRate: smoke ? 500 : 2_000,
    latencySeconds: smoke ? 4 : 30,
    reportEvents: smoke ? 200_000 : 10_000_000,
    only: sections,
  };
}
