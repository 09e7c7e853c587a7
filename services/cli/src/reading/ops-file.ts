// Where a running `casepulse start` that holds the embedded data folder answers read-only
// queries: CASEPULSE_DATA/.casepulse-ops.json, with a token made at start. Only the folder's
// owner can read the file (mode 0600), so only that user can ask. Removed when the process stops;
// one left by a killed process names a process that is gone, and is ignored.
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { folderHolder, StoreError } from "@casepulse/store";

export interface OpsFile {
  host: string;
  port: number;
  pid: number;
  token: string;
}

export const OPS_FILE_NAME = ".casepulse-ops.json";
export const opsFilePath = (dataDir: string) => join(resolve(dataDir), OPS_FILE_NAME);

export const newToken = () => randomBytes(32).toString("hex");

/** Writes the file (whole or not at all: a reader never sees half of it); returns its remover. */
export function writeOpsFile(dataDir: string, where: { host: string; port: number; token: string }): () => void {
  const path = opsFilePath(dataDir);
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  const fd = openSync(partial, "wx", 0o600);
  try {
    fchmodSync(fd, 0o600); // whatever the umask
    writeSync(fd, `${JSON.stringify({ ...where, pid: process.pid } satisfies OpsFile)}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return () => {
    // A later process's file is not this one's to remove.
    if (readOpsFile(path)?.pid === process.pid) rmSync(path, { force: true });
  };
}

function readOpsFile(path: string): OpsFile | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The file is another user's: the running process answers its own user only.
    if (code === "EACCES" || code === "EPERM") throw new StoreError(`${path} cannot be read (${code}): only the user who runs \`casepulse start\` can read its data folder while it runs`, false);
    return null;
  }
  try {
    const entry = JSON.parse(text) as Partial<OpsFile>;
    const { host, port, pid, token } = entry;
    if (typeof host !== "string" || !Number.isInteger(port) || !Number.isInteger(pid) || typeof token !== "string") return null;
    return { host, port: port!, pid: pid!, token };
  } catch {
    return null;
  }
}

/**
 * The `casepulse start` that holds the folder and answers its queries, or null when the folder is
 * free or held by another kind of process (opening the store then says by whom).
 */
export function runningStart(dataDir: string): OpsFile | null {
  const holder = folderHolder(resolve(dataDir));
  if (holder === null) return null;
  const entry = readOpsFile(opsFilePath(dataDir));
  return entry?.pid === holder ? entry : null;
}

/**
 * For a command that writes (or opens the store for itself): the refusal when a running
 * `casepulse start` holds the folder, naming both; nothing when it does not.
 */
export function refuseHeldFolder(dataDir: string, hint = "stop it (SIGTERM) and run this command again, or let it do the writing (`casepulse produce` for a feed file)"): void {
  const start = runningStart(dataDir);
  if (!start) return;
  throw new StoreError(
    `the data folder ${resolve(dataDir)} is held by \`casepulse start\` (pid ${start.pid}): the embedded engine allows one process per folder, and this command writes to it; ${hint} (sql, report, explain and dlq list are answered by the running process)`,
    false,
  );
}
