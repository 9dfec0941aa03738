import { z } from 'zod';
import { instantSchema } from '../common';
import { charterSchema, publishedCharterSchema } from '../charter/charter';
import { customerSchema, dealSchema, deliveryRecordSchema, recoveryCaseSchema } from '../tracker/tracker';
import { defaultSettings, settingsSchema } from '../settings';
import { issueParams } from '../text/message';
import type { IssueCode, MessageParams } from '../text/message';

export const BACKUP_FORMAT = 'service-charter/backup';
export const CHARTER_FORMAT = 'service-charter/charter';

/** The schema version this build writes. Data with a higher version is refused, never guessed. */
export const CURRENT_VERSION = 7;

// A rule across collections, reported as a zod custom issue carrying its message code.
const refError = (code: IssueCode, values: MessageParams) => ({
  code: 'custom' as const,
  message: code,
  params: issueParams(code, values),
});

function checkUniqueIds(
  items: readonly { id: string }[],
  collection: string,
  ctx: z.core.$RefinementCtx<unknown>,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({
        ...refError('issue.repeatedId', { id: item.id }),
        path: [collection, index, 'id'],
      });
    seen.add(item.id);
  });
  return seen;
}

/**
 * Everything the app keeps, as one JSON document: the backup file, and the shape every load path
 * (stored rows, imported files, share links) is brought into before it is trusted.
 */
export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(CURRENT_VERSION),
    exportedAt: instantSchema,
    charters: z.array(charterSchema).max(1_000).default([]),
    charterVersions: z.array(publishedCharterSchema).max(20_000).default([]),
    customers: z.array(customerSchema).max(100_000).default([]),
    deals: z.array(dealSchema).max(200_000).default([]),
    deliveries: z.array(deliveryRecordSchema).max(2_000_000).default([]),
    recoveryCases: z.array(recoveryCaseSchema).max(200_000).default([]),
    settings: settingsSchema.default(defaultSettings),
  })
  .superRefine((backup, ctx) => {
    checkUniqueIds(backup.charters, 'charters', ctx);
    const customers = checkUniqueIds(backup.customers, 'customers', ctx);
    checkUniqueIds(backup.deals, 'deals', ctx);
    const records = checkUniqueIds(backup.deliveries, 'deliveries', ctx);
    checkUniqueIds(backup.recoveryCases, 'recoveryCases', ctx);
    const versions = new Set<string>();
    backup.charterVersions.forEach((v, index) => {
      const key = `${v.charterId}@${v.version}`;
      if (versions.has(key))
        ctx.addIssue({
          ...refError('issue.repeatedVersion', { version: v.version, charter: v.charterId }),
          path: ['charterVersions', index, 'version'],
        });
      versions.add(key);
    });
    backup.deals.forEach((deal, index) => {
      if (!customers.has(deal.customerId))
        ctx.addIssue({
          ...refError('issue.unknownCustomer', { id: deal.customerId }),
          path: ['deals', index, 'customerId'],
        });
    });
    backup.recoveryCases.forEach((c, index) => {
      if (!records.has(c.recordId))
        ctx.addIssue({
          ...refError('issue.unknownRecord', { id: c.recordId }),
          path: ['recoveryCases', index, 'recordId'],
        });
    });
  });
export type Backup = z.infer<typeof backupSchema>;

/** The schema of one item of each collection of a backup. */
export const entitySchemas = {
  charters: charterSchema,
  charterVersions: publishedCharterSchema,
  customers: customerSchema,
  deals: dealSchema,
  deliveries: deliveryRecordSchema,
  recoveryCases: recoveryCaseSchema,
  settings: settingsSchema,
} as const;

/** An empty backup document stamped `now`. */
export function emptyBackup(now: string): Backup {
  return {
    format: BACKUP_FORMAT,
    version: CURRENT_VERSION,
    exportedAt: now,
    charters: [],
    charterVersions: [],
    customers: [],
    deals: [],
    deliveries: [],
    recoveryCases: [],
    settings: defaultSettings,
  };
}
