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

/** `data` with `change` applied to every charter: the working ones and those inside published snapshots. */
const mapCharters = (data: JsonObject, change: (charter: unknown) => unknown): JsonObject => ({
  ...data,
  ...(Array.isArray(data.charters) ? { charters: data.charters.map(change) } : {}),
  ...(Array.isArray(data.charterVersions)
    ? {
        charterVersions: data.charterVersions.map((v: unknown) =>
          isObject(v) ? { ...v, charter: change(v.charter) } : v,
        ),
      }
    : {}),
});

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

// The smallest step of each unit: what a promised amount of 0 becomes in amountPromiseAboveZero.
const SMALLEST_AMOUNT: Record<string, number> = { USD: 0.01, EUR: 0.01, percent: 0.1 };

/** `charter` at version 3: no promised amount of 0 (see amountPromiseAboveZero). */
function charterToV3(charter: unknown): unknown {
  if (!isObject(charter)) return charter;
  const commitments = Array.isArray(charter.commitments)
    ? charter.commitments.map((c: unknown) => {
        if (!isObject(c) || c.kind !== 'amount' || !isObject(c.promised) || c.promised.value !== 0) return c;
        const unit = typeof c.promised.unit === 'string' ? c.promised.unit : '';
        return {
          ...c,
          promised: { ...c.promised, value: SMALLEST_AMOUNT[unit] ?? 1 },
          readiness: 'unconfirmed',
        };
      })
    : charter.commitments;
  return { ...charter, commitments };
}

/**
 * 2 → 3: a promised amount of 0 ("at most 0", "at least 0": refused from version 3 on, since it promises
 * nothing) becomes the unit's smallest step (1 원, 1 count, $0.01, 0.1%) and the commitment is marked
 * unconfirmed, so its owner is asked to look at it again before the next publish. Published snapshots are
 * upgraded alike (they must stay valid; their text is otherwise untouched).
 */
const amountPromiseAboveZero: Migration = {
  name: 'amount-promise-above-zero',
  from: 2,
  migrate: (data) => mapCharters(data, charterToV3),
};

// Zones that keep a fixed offset that is not a whole number of hours (no daylight saving today).
const ZONE_OF_ODD_OFFSET: Record<number, string> = {
  [-570]: 'Pacific/Marquesas',
  210: 'Asia/Tehran',
  270: 'Asia/Kabul',
  330: 'Asia/Kolkata',
  345: 'Asia/Kathmandu',
  390: 'Asia/Yangon',
  570: 'Australia/Darwin',
  525: 'Australia/Eucla',
};

/** The IANA zone for a fixed UTC offset in minutes: Seoul for +540, `Etc/GMT±h` for whole hours. */
export function zoneOfFixedOffset(minutes: number): string {
  if (minutes === 540) return 'Asia/Seoul';
  if (minutes === 0) return 'UTC';
  const odd = ZONE_OF_ODD_OFFSET[minutes];
  if (odd) return odd;
  // Etc/GMT names count the other way round: UTC+5 is Etc/GMT-5. Other odd offsets take the nearest hour.
  const hours = Math.max(-12, Math.min(14, Math.round(minutes / 60)));
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/**
 * 3 → 4: the business calendar names an IANA time zone (`timeZone`, daylight saving included) instead of
 * a fixed `utcOffsetMinutes`: +540 becomes Asia/Seoul; another offset becomes the zone that keeps exactly
 * that offset all year (`Etc/GMT-9` style, or a named zone for half and quarter hours), so no stored
 * instant changes its local time. The owner may then pick their city's zone in Settings.
 */
const calendarTimeZone: Migration = {
  name: 'calendar-time-zone',
  from: 3,
  migrate: (data) => {
    const settings = data.settings;
    if (!isObject(settings) || !isObject(settings.calendar)) return data;
    const { utcOffsetMinutes, ...calendar } = settings.calendar;
    if (typeof utcOffsetMinutes !== 'number' || 'timeZone' in calendar) return data;
    return {
      ...data,
      settings: { ...settings, calendar: { ...calendar, timeZone: zoneOfFixedOffset(utcOffsetMinutes) } },
    };
  },
};

/** `charter` at version 5: it names its handover; one that did not counted from delivery (see charterHandover). */
function charterToV5(charter: unknown): unknown {
  if (!isObject(charter) || 'handover' in charter) return charter;
  return { ...charter, handover: 'delivery' };
}

/**
 * 4 → 5: a charter names the handover its moments count from (`handover`: delivery, installation, move-in,
 * closing, go-live or policy delivery). Every charter and published snapshot without one gets 'delivery',
 * which is what its PDF and messages said until now; the owner may then pick their trade's word. A charter
 * that already names one (a share link carries it) keeps it.
 */
const charterHandover: Migration = {
  name: 'charter-handover',
  from: 4,
  migrate: (data) => mapCharters(data, charterToV5),
};

/** `charter` at version 6: every commitment has a short name (see commitmentShortName). */
function charterToV6(charter: unknown): unknown {
  if (!isObject(charter) || !Array.isArray(charter.commitments)) return charter;
  const commitments = charter.commitments.map((c: unknown) =>
    isObject(c) && !('shortName' in c) ? { ...c, shortName: '' } : c,
  );
  return { ...charter, commitments };
}

/**
 * 5 → 6: a commitment has a short name (`shortName`, at most 24 characters) that pickers show instead of
 * the whole sentence. Every commitment of every charter and published snapshot without one gets an empty
 * one, which means "not named": pickers then show commitmentLabel (a bundled template's name for its exact
 * text, else the first words of the text) until the owner names it. The names stay out of this module, so
 * reading stored data (the first page load) does not carry them.
 */
const commitmentShortName: Migration = {
  name: 'commitment-short-name',
  from: 5,
  migrate: (data) => mapCharters(data, charterToV6),
};

/**
 * 6 → 7: a settled timeline step says how it ended (`outcome`: done, or skipped as not applying). Until
 * now a skip was stored like a done step, and the two cannot be told apart, so every entry without one
 * becomes 'done' — what the deal card showed for it. An entry that already names one keeps it.
 */
const timelineStepOutcome: Migration = {
  name: 'timeline-step-outcome',
  from: 6,
  migrate: (data) =>
    Array.isArray(data.deals)
      ? {
          ...data,
          deals: data.deals.map((deal: unknown) =>
            isObject(deal) && Array.isArray(deal.timelineDone)
              ? {
                  ...deal,
                  timelineDone: deal.timelineDone.map((entry: unknown) =>
                    isObject(entry) && !('outcome' in entry) ? { ...entry, outcome: 'done' } : entry,
                  ),
                }
              : deal,
          ),
        }
      : data,
};

/** Every migration ever released, oldest first. Version 1 is the first released schema. */
export const migrations: readonly Migration[] = [
  dealTimelineDone,
  amountPromiseAboveZero,
  calendarTimeZone,
  charterHandover,
  commitmentShortName,
  timelineStepOutcome,
];

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
