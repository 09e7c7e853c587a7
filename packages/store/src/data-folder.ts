// The embedded engine's data folder, checked before the engine opens it: the engine's own errors
// name the wrong cause (a read-only folder reads as "another instance is running", a file as
// EEXIST from mkdir) and print a line of their own on stderr.
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { DataFolderError } from "./errors.ts";

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/** Why a folder (existing) cannot be written, or null when it can. */
function notWritable(path: string): string | null {
  try {
    accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
    return null;
  } catch (err) {
    const c = code(err);
    if (c === "EROFS") return "is on a read-only file system (EROFS)";
    if (c === "EACCES" || c === "EPERM") return `is not writable by this user (${c})`;
    return `cannot be used (${c})`;
  }
}

/** The nearest part of `path` that exists (the root at worst). */
function nearestExisting(path: string): string {
  let at = path;
  for (;;) {
    try {
      statSync(at);
      return at;
    } catch {
      const up = dirname(at);
      if (up === at) return at;
      at = up;
    }
  }
}

/** Makes `path` if needed and checks the engine can write there; a DataFolderError says why not. */
export function usableDataFolder(path: string): void {
  let exists = true;
  try {
    if (!statSync(path).isDirectory()) throw new DataFolderError(path, "is a file, not a folder");
  } catch (err) {
    if (err instanceof DataFolderError) throw err;
    // ENOTDIR: a part of the path is a file; making the folder says which.
    if (code(err) !== "ENOENT" && code(err) !== "ENOTDIR") throw new DataFolderError(path, `cannot be read (${code(err)})`);
    exists = false;
  }
  if (!exists) {
    try {
      mkdirSync(path, { recursive: true });
    } catch (err) {
      // mkdir's own code can mislead (ENOENT on a read-only file system): the part that exists says why.
      const base = nearestExisting(path);
      if (!statSync(base).isDirectory()) throw new DataFolderError(path, `cannot be created: ${base} is a file, not a folder`);
      throw new DataFolderError(path, `cannot be created: ${base} ${notWritable(base) ?? `refused it (${code(err)})`}`);
    }
  }
  const problem = notWritable(path);
  if (problem) throw new DataFolderError(path, problem);
}
