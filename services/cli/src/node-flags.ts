// The flags node starts casepulse with, wherever it starts it: `pnpm casepulse` (the root
// package.json), the image's ENTRYPOINT (infra/docker/Dockerfile), main.ts's shebang, and the
// bench's and the tests' child processes. V8 sizes its heap as node starts (a flag set later from
// inside the process leaves the young generation it already reserved), so each of those places
// writes the list out; tests/node-flags.test.ts fails when one of them parts from it.
//
// --max-semi-space-size=2: V8's young generation held at 2 MB semi-spaces (its default grows them
// to 16 MB and more under allocation). The ingest allocates short-lived rows fast; with the small
// nursery they die in it more often and the heap stays smaller: `casepulse ingest` of a 50,000-line
// export peaked at 475 MB against 537-541 MB, at the same speed (docs/performance.md, "The ingest's
// young generation").
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=2"];
