// A progress bar on a terminal; silence when output is piped or logged. It draws with plain
// characters, no ANSI colour, so it is the same under NO_COLOR (tests/cli-conventions.test.ts
// checks that nothing coloured reaches the terminal then).
import { SingleBar, Presets } from "cli-progress";

export interface Progress {
  update(done: number, detail: Record<string, number>): void;
  stop(): void;
}

export function createProgress(total: number, label: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} |{bar}| {percentage}% | {received} read, {accepted} accepted, {duplicates} duplicates, {rejected} rejected`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { received: 0, accepted: 0, duplicates: 0, rejected: 0 });
  return {
    update: (done, detail) => bar.update(Math.min(done, total), detail),
    stop: () => bar.stop(),
  };
}
