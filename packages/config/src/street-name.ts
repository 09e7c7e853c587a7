// A sub-district's (街道) name as configuration gives it: FEEDS.md "All feeds" — a street is a
// non-blank string. Blanks around a name in configuration are refused rather than trimmed: records
// carry the name as written, and a padded name would match none of them.
import { z } from "zod";

/** FEEDS.md's default of CASEPULSE_DEFAULT_STREET: the street of whatever names none. */
export const DEFAULT_STREET = "蛇口街道";

/** Why `name` cannot be a street's name (or `what` else), or null when it can. */
export function streetNameProblem(name: string, what = "a street's name"): string | null {
  if (name.trim() === "") return `must be ${what}, not blank`;
  if (name.trim() !== name) return "must not begin or end with blanks";
  return null;
}

/** A name refined with streetNameProblem. */
export const nonBlankName = (what = "a street's name") =>
  z.string().superRefine((name, ctx) => {
    const problem = streetNameProblem(name, what);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
