import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "services/*/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          // The reliability suite has its own command (`pnpm test:reliability`, vitest.reliability.config.ts).
          exclude: [...configDefaults.exclude, "tests/reliability/**"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Files share one Kafka and Redis and each spawns CLI processes: one file at a time.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
