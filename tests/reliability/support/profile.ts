// Quick (CI) or full run: the same checks, fewer kill points, shorter load and smaller data.
export const QUICK = process.env.RELIABILITY_QUICK === "1";

export const PROFILE = QUICK
  ? {
      name: "quick",
      scale: 0.3,
      consumeKills: [0.7, 0.35],
      insertKills: 2,
      redisKills: [0.6],
      brokerRestarts: ["SIGTERM", "SIGKILL"] as NodeJS.Signals[],
      loadSeconds: 15,
      fuzzRunsPerFeed: 7000,
      cliRuns: 24,
    }
  : {
      name: "full",
      scale: 0.6,
      consumeKills: [0.85, 0.6, 0.4, 0.2],
      insertKills: 4,
      redisKills: [0.75, 0.45, 0.2],
      brokerRestarts: ["SIGTERM", "SIGKILL", "SIGTERM"] as NodeJS.Signals[],
      loadSeconds: 60,
      fuzzRunsPerFeed: 25_000,
      cliRuns: 80,
    };

/** Where the run's figures and logs go (git-ignored). */
export const OUT_DIR = new URL("../../../out/reliability/", import.meta.url).pathname;

/** Where the pipeline under test keeps its data: CLICKHOUSE_URL's server, else embedded chDB. */
export const STORE_KIND = process.env.CLICKHOUSE_URL ? "ClickHouse server" : "embedded ClickHouse";
