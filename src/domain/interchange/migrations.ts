/** A JSON object as it arrives from outside, before validation. */
export type JsonObject = { [key: string]: unknown };

/**
 * One step from schema version `from` to `from + 1`. Pure: it returns new data and never throws on data
 * of version `from` (it may throw on garbage; `restore` turns that into an error). Each migration has a
 * frozen fixture of its input under `tests/fixtures/` and a test; a test fails when one is missing.
 */
export type Migration = { name: string; from: number; migrate: (data: JsonObject) => JsonObject };

/** Every migration ever released, oldest first. Version 1 is the first released schema. */
export const migrations: readonly Migration[] = [];

/** `data` of version `from` brought to version `to` by applying `list` in order; names of the steps applied. */
export function runMigrations(
  data: JsonObject,
  from: number,
  to: number,
  list: readonly Migration[] = migrations,
): { data: JsonObject; applied: string[] } {
  let current = data;
  const applied: string[] = [];
  for (let version = from; version < to; version++) {
    const step = list.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from version ${version}`);
    current = { ...step.migrate(current), version: version + 1 };
    applied.push(step.name);
  }
  return { data: current, applied };
}
