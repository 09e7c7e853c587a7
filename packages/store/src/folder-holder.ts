// Which process holds an embedded data folder, without opening it: the engine locks the folder's
// `status` file and writes its process id there (trying to open a held folder instead costs the
// engine's start-up and prints the engine's own error line).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Whether a process of this id runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The id of the live process, other than this one, that the folder's status file names; else null. */
export function folderHolder(path: string): number | null {
  let status: string;
  try {
    status = readFileSync(join(path, "status"), "utf8");
  } catch {
    return null; // never opened, or not readable: opening it will say why
  }
  const pid = Number(/^PID:\s*(\d+)/m.exec(status)?.[1]);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid) ? pid : null;
}
