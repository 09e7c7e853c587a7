// `pnpm test:reliability [--quick]`: faults, hostile input, load, personal data and access, on the
// real Kafka and Redis (plus brokers and redis-servers the tests start themselves). One file at a
// time: they share the machine's two cores and kill processes on purpose.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "reliability",
    include: ["tests/reliability/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    reporters: ["default", "./tests/reliability/support/figures-reporter.ts"],
  },
});
