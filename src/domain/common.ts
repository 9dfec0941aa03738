import { z } from 'zod';

/** An entity id: 1–64 characters of letters, digits, `-` or `_` (URL- and file-name-safe). */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export type Id = z.infer<typeof idSchema>;

/** An instant as an ISO 8601 string with an offset, e.g. `2026-11-22T09:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof instantSchema>;

/** A calendar date as `YYYY-MM-DD` (no time zone: "the 3rd of March" for the customer). */
export const calendarDateSchema = z.iso.date();
export type CalendarDate = z.infer<typeof calendarDateSchema>;

/** Free text a user typed on one line (names, labels). Kept lenient so drafts save as typed. */
export const lineSchema = (max = 200) => z.string().max(max);

/** Longer free text a user typed (messages, notes). */
export const textSchema = (max = 4000) => z.string().max(max);

export const durationUnitSchema = z.enum(['minutes', 'hours', 'days', 'weeks']);
export type DurationUnit = z.infer<typeof durationUnitSchema>;

/** A positive length of time, e.g. `{ value: 4, unit: 'hours' }`. */
export const durationSchema = z.object({
  value: z.number().positive().max(100_000),
  unit: durationUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

export const localeSchema = z.enum(['ko', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const channelSchema = z.enum(['call', 'sms', 'email', 'visit', 'messenger', 'letter']);
export type Channel = z.infer<typeof channelSchema>;

/** A name given in both languages as data (holiday names). Messages are codes instead: text/message.ts. */
export type Bilingual = { en: string; ko: string };
