// A file that cannot be read as an export at all (the wrong form, encrypted, UTF-16, binary, a
// header naming no key): refused whole, before anything is stored, with one line saying what it is.
export class FileFormError extends Error {
  override name = "FileFormError";
}
