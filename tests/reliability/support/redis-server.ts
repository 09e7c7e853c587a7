// The project's own redis-server for a test: loopback, AOF everysec, noeviction, data in the
// test's temp dir; it can be killed and restarted on the same port and files.
import { createConnection } from "node:net";
import { freePort, startDaemon, waitFor, type Daemon } from "./processes.ts";

export interface TestRedis {
  url: string;
  port: number;
  /** SIGKILL: a crash, no shutdown save; what survives is what the AOF already holds. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function pings(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port, timeout: 1000 });
    let reply = "";
    socket.once("connect", () => socket.write(password ? `AUTH ${password}\r\nPING\r\n` : "PING\r\n"));
    socket.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("+PONG")) (socket.destroy(), resolve(true));
      else if (reply.startsWith("-")) (socket.destroy(), resolve(false));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

export async function startRedis(dir: string, options: { password?: string } = {}): Promise<TestRedis> {
  const port = await freePort();
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", dir,
    "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction",
    "--save", "", "--daemonize", "no", "--logfile", `${dir}/redis.log`,
    ...(options.password ? ["--requirepass", options.password] : []),
  ];
  let daemon: Daemon | undefined;
  const start = async () => {
    daemon = startDaemon("redis-server", "redis-server", args, {});
    await waitFor(`redis-server on ${port}`, () => pings(port, options.password), 20_000, 100);
  };
  await start();
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : "";
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    start,
    kill: async () => daemon?.stop("SIGKILL"),
    stop: async () => daemon?.stop("SIGTERM", 10_000),
  };
}
