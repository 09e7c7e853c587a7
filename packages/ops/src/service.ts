/** A running role of the pipeline: ready for traffic or not, and closed once on shutdown. */
export interface Service {
  readonly name: string;
  ready(): Promise<boolean>;
  /** Finishes or returns in-flight work, then releases connections. Safe to call twice. */
  close(): Promise<void>;
}

/** Wraps a close function so a second call waits for the first instead of running it again. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
