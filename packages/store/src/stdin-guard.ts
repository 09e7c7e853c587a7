// The embedded engine takes the process's fd 0 as the data of an INSERT whenever stdin is not a
// terminal (chDB's client reads STDIN_FILENO as external data; chdb-io/chdb-core#239). A pipe
// or a redirected file on stdin then fails every insert, or worse, lands in a table unvalidated.
// So before the engine is opened, fd 0 is pointed at /dev/null for the rest of the process. A
// command that was asked to read standard input (`--file -`) reads it before that, through
// `spoolStdin`.
import { closeSync, createWriteStream, fstatSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

let detached = false;

/** True when fd 0 is /dev/null already (nothing for the engine to read). */
function stdinIsDevNull(): boolean {
  try {
    const fd0 = fstatSync(0);
    const devNull = statSync("/dev/null");
    return fd0.isCharacterDevice() && fd0.rdev === devNull.rdev;
  } catch {
    return false;
  }
}

/**
 * Points fd 0 at /dev/null, once per process. Node offers no dup2: closing fd 0 and opening
 * /dev/null gives the lowest free descriptor, which is 0 while nothing else opens files at the
 * same instant (this runs synchronously, before the engine starts its threads).
 */
export function detachStdinFromEngine(): void {
  if (detached || stdinIsDevNull()) {
    detached = true;
    return;
  }
  closeSync(0);
  const fd = openSync("/dev/null", "r");
  if (fd !== 0) {
    closeSync(fd);
    throw new Error("cannot detach standard input from the embedded engine (fd 0 was taken while it was replaced)");
  }
  detached = true;
}

export interface SpooledStdin {
  /** A private file holding what standard input gave, to be read like any other file. */
  path: string;
  /** Removes the file (safe to call twice). */
  remove(): void;
}

/**
 * Copies standard input to a private file under `dir` (mode 0600, streamed: memory stays flat)
 * and then detaches stdin from the engine. Reading the copy, and not the pipe, lets every reader
 * of a file (format sniffing, the engine's own file reader) serve `--file -` too.
 */
export async function spoolStdin(dir: string): Promise<SpooledStdin> {
  if (detached) throw new Error("standard input was already detached from the process: it must be read before the store is opened");
  const folder = mkdtempSync(join(dir, ".stdin-"));
  const path = join(folder, "stdin");
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    // process.stdin, not a read of fd 0: Node reads pipes, sockets (a parent's stdio: "pipe"),
    // terminals and files each the right way.
    const stdin = process.stdin;
    await pipeline(stdin, createWriteStream(path, { mode: 0o600 }));
    // Its handle is closed on a later turn of the loop; fd 0 is replaced only after that.
    if (!stdin.closed) await new Promise<void>((done) => stdin.once("close", () => done()).destroy());
  } catch (err) {
    remove();
    throw err;
  }
  detachStdinFromEngine();
  return { path, remove };
}
