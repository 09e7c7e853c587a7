// A small filesystem of its own for a data folder, to fill on purpose: a tmpfs mounted by this
// process (needs root, or CAP_SYS_ADMIN; CI runs as root). Where it cannot be mounted, `mount`
// says why and the test records the scenario as not run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SmallDisk {
  dir: string;
  /** Bytes free for a non-root writer. */
  free(): number;
  /** Takes all but `leaveBytes` of the free space with a file of zeros; returns its remover. */
  fill(leaveBytes: number): () => void;
  /** Remounts read-only (true) or read-write. */
  readOnly(on: boolean): void;
  unmount(): void;
}

function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return r.status === 0 ? null : `${cmd} ${args.join(" ")}: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`;
}

/** A tmpfs of `sizeBytes` at `dir`, or the reason it cannot be mounted here. */
export function mountSmallDisk(dir: string, sizeBytes: number): SmallDisk | { notRun: string } {
  mkdirSync(dir, { recursive: true });
  const failed = run("mount", ["-t", "tmpfs", "-o", `size=${sizeBytes}`, "tmpfs", dir]);
  if (failed) return { notRun: `no small filesystem here (${failed})` };
  let fillers = 0;
  return {
    dir,
    free: () => {
      const s = statfsSync(dir);
      return Number(s.bavail) * Number(s.bsize);
    },
    fill(leaveBytes) {
      const path = join(dir, `filler-${(fillers += 1)}`);
      const s = statfsSync(dir);
      writeFileSync(path, Buffer.alloc(Math.max(0, Number(s.bavail) * Number(s.bsize) - leaveBytes)));
      return () => rmSync(path, { force: true });
    },
    readOnly(on) {
      const failed = run("mount", ["-o", `remount,${on ? "ro" : "rw"}`, dir]);
      if (failed) throw new Error(failed);
    },
    unmount() {
      run("umount", ["-l", dir]);
    },
  };
}

/** Bytes a folder takes on its disk (allocated blocks, as a full disk counts them). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).blocks * 512;
  }
  return total;
}
