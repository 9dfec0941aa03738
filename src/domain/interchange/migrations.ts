/** A JSON object as it arrives from outside, before validation. */
export type JsonObject = { [key: string]: unknown };

/**
 * One step from schema version `from` to `from + 1`. Pure: it returns new data and never throws on data
 * of version `from` (it may throw on garbage; `restore` turns that into an error). Each migration has a
 * frozen fixture of its input under `tests/fixtures/` and a test; a test fails when one is missing.
 */
export type Migration = { name: string; from: number; migrate: (data: JsonObject) => JsonObject };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * 1 → 2: deals gain `timelineDone` (the moments and follow-ups already done), empty for existing deals.
 * Anything that is not a deal object is left as it is for validation to report.
 */
const dealTimelineDone: Migration = {
  name: 'deal-timeline-done',
  from: 1,
  migrate: (data) =>
    Array.isArray(data.deals)
      ? {
          ...data,
          deals: data.deals.map((deal: unknown) =>
            isObject(deal) && !('timelineDone' in deal) ? { ...deal, timelineDone: [] } : deal,
          ),
        }
      : data,
};

/** Every migration ever released, oldest first. Version 1 is the first released schema. */
export const migrations: readonly Migration[] = [dealTimelineDone];

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
