// The ClickHouse column types the contracts store their keys in (migrations 001 and 007).
export const COLUMN = {
  id: "String",
  name: "LowCardinality(String)",
  optionalName: "LowCardinality(Nullable(String))",
  optionalId: "Nullable(String)",
  time: "DateTime64(3, 'UTC')",
  optionalTime: "Nullable(DateTime64(3, 'UTC'))",
} as const;

/** FEEDS.md "All feeds": every record may name its sub-district (街道); when present, not blank. */
export const STREET = { type: "text", nonBlank: true, column: COLUMN.optionalName } as const;
