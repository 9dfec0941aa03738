import type { Charter, PublishedCharter } from './charter';
import type { Commitment } from './commitment';

/**
 * Every commitment a delivery record of `charter` may refer to, by id: those of its published `versions`
 * (oldest first) overridden by the working copy's — a record outlives an edit that removed its commitment.
 */
export function charterCommitments(
  charter: Charter,
  versions: readonly PublishedCharter[],
): Map<string, Commitment> {
  const map = new Map<string, Commitment>();
  for (const v of [...versions]
    .filter((x) => x.charterId === charter.id)
    .sort((a, b) => a.version - b.version))
    for (const c of v.charter.commitments) map.set(c.id, c);
  for (const c of charter.commitments) map.set(c.id, c);
  return map;
}
