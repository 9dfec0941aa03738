import { findCustomerByName } from '../domain/tracker/commands';
import { customerSchema, namedCustomer } from '../domain/tracker/tracker';
import type { Workspace } from './workspace';

/**
 * The id of the active customer whose name matches `name` (findCustomerByName: spacing, case and Unicode
 * form aside), creating one with `newId()` at `now` when there is none; null for a blank name. The one
 * "customer by name" rule of the Tracker and Today.
 */
export function ensureCustomer(
  workspace: Workspace,
  name: string,
  now: string,
  newId: () => string,
): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const existing = findCustomerByName(workspace.getState().data.customers.values(), trimmed);
  if (existing) return existing.id;
  const created = customerSchema.parse(namedCustomer(newId(), trimmed, now));
  workspace.put('customers', created);
  return created.id;
}
