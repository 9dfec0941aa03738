import { z } from 'zod';
import { localeSchema } from './common';
import { businessCalendarSchema, defaultBusinessCalendar } from './tracker/business-calendar';
import { issueParams } from './text/message';

/** The user's preferences, stored once per browser and carried in backups. */
export const settingsSchema = z.object({
  /** Interface language; null follows the browser. */
  language: localeSchema.nullable(),
  /** Whether the app has already asked the browser for persistent storage. */
  persistenceAsked: z.boolean(),
  /** Share of a record's window used after which it counts as "at risk". */
  atRiskShare: z.number().gt(0).lt(1),
  /** Working days, hours and holidays for "business hours" promises. Absent in older data: the default. */
  calendar: businessCalendarSchema.default(defaultBusinessCalendar),
  /** Where the hosted app lives (https://…/), for share links and the PDF's link; empty: this address. */
  publicBaseUrl: z
    .string()
    .max(300)
    .refine((v) => v === '' || /^https?:\/\/[^\s#]+$/.test(v), {
      params: issueParams('issue.webAddress'),
    })
    .default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: null,
  persistenceAsked: false,
  atRiskShare: 0.75,
  calendar: defaultBusinessCalendar,
  publicBaseUrl: '',
};
