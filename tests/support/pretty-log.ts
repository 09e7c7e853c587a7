// Logs one line through the casepulse logger in its pretty mode (as on a terminal), for the
// NO_COLOR test; the pretty transport runs on a worker thread, flushed before the exit.
import { createLogger } from "@casepulse/logging";

const logger = createLogger({ name: "pretty-test", pretty: true });
logger.info({ feed: "hotline" }, "hello from the pretty logger");
await new Promise((resolve) => logger.flush(() => setTimeout(resolve, 300)));
