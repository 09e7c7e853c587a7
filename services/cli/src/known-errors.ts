// The config and store errors, recognised without loading their packages up front: those pull zod
// and the ClickHouse clients, which `--help` and usage errors do not need. A package is imported
// only for an error that carries its class's name, and then it is loaded already (it threw it), so
// the check stays `instanceof` at no cost.
import type { ConfigError } from "@casepulse/config";
import type { StoreError } from "@casepulse/store";

export async function asConfigError(err: unknown): Promise<ConfigError | undefined> {
  if (!(err instanceof Error) || err.name !== "ConfigError") return undefined;
  const { ConfigError } = await import("@casepulse/config");
  return err instanceof ConfigError ? err : undefined;
}

export async function asStoreError(err: unknown): Promise<StoreError | undefined> {
  if (!(err instanceof Error) || err.name !== "StoreError") return undefined;
  const { StoreError } = await import("@casepulse/store");
  return err instanceof StoreError ? err : undefined;
}
