import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { charterCommitments } from '../../domain/charter/charter-commitments';
import type { Settings } from '../../domain/settings';
import { recordStatus } from '../../domain/tracker/status';
import type { StatusResult } from '../../domain/tracker/status';
import { customerSchema, namedCustomer } from '../../domain/tracker/tracker';
import type { Customer, DeliveryRecord } from '../../domain/tracker/tracker';

import { createId } from '../../lib/id';
import type { Data, Workspace } from '../../persistence/workspace';

/** The charter whose commitments the tracker logs against: the chosen one, else the most recently edited. */
export function pickCharter(data: Data, chosenId: string | null): Charter | null {
  const charters = [...data.charters.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    charters.find((c) => c.id === chosenId) ??
    charters.find((c) => c.commitments.length > 0) ??
    charters[0] ??
    null
  );
}

/** Every commitment records of `charter` may refer to (see charterCommitments). */
export function commitmentsOf(data: Data, charter: Charter): Map<string, Commitment> {
  return charterCommitments(charter, [...data.charterVersions.values()]);
}

/** The records logged against `charter`, newest trigger first. */
export function recordsOf(data: Data, charter: Charter): DeliveryRecord[] {
  return [...data.deliveries.values()]
    .filter((r) => r.charterId === charter.id)
    .sort((a, b) => b.triggeredAt.localeCompare(a.triggeredAt));
}

/** The record's status at `nowMs`, or null when its commitment is unknown. */
export function statusOf(
  record: DeliveryRecord,
  commitments: Map<string, Commitment>,
  nowMs: number,
  settings: Settings,
): StatusResult | null {
  const commitment = commitments.get(record.commitmentId);
  if (!commitment) return null;
  return recordStatus(record, commitment, nowMs, {
    atRiskShare: settings.atRiskShare,
    calendar: settings.calendar,
  });
}

/**
 * The id of the active customer named `name` (trimmed), creating the customer at `now` when there is none;
 * null for an empty name.
 */
export function ensureCustomer(
  workspace: Workspace,
  customers: readonly Customer[],
  name: string,
  now: string,
): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const existing = customers.find((c) => c.name === trimmed);
  if (existing) return existing.id;
  const created = customerSchema.parse(namedCustomer(createId(), trimmed, now));
  workspace.put('customers', created);
  return created.id;
}

/** A new open promise record (no deal, notes or renegotiation yet), made at `now` and due at `dueMs`. */
export function newRecord(input: {
  charterId: string;
  commitmentId: string;
  customerId: string | null;
  summary: string;
  now: string;
  dueMs: number;
}): DeliveryRecord {
  return {
    id: createId(),
    charterId: input.charterId,
    commitmentId: input.commitmentId,
    customerId: input.customerId,
    dealId: null,
    summary: input.summary,
    triggeredAt: input.now,
    dueAt: new Date(input.dueMs).toISOString(),
    doneAt: null,
    actual: null,
    renegotiation: null,
    notes: '',
    createdAt: input.now,
    updatedAt: input.now,
  };
}
