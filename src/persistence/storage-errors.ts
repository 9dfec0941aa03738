/** Why a save failed, in the terms the user is told. */
export type StorageFailure = 'quota' | 'unavailable' | 'moving' | 'unknown';

/** Every error name in `error` and the errors it wraps (Dexie wraps DOM errors as `inner`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown; message?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  // PouchDB reports an IndexedDB request's error as `indexed_db_went_bad` with the DOM error's name as message.
  if (e.name === 'indexed_db_went_bad' && typeof e.message === 'string') names.push(e.message);
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [...names, ...errorNames(e.inner, depth + 1), ...failures.flatMap((f) => errorNames(f, depth + 1))];
}

/**
 * Sorts a storage error: quota (including an `AbortError` wrapping a `QuotaExceededError`), the move from
 * the Dexie database of earlier versions failing,
 * IndexedDB unavailable (private mode, blocked, missing API), or anything else.
 */
export function classifyStorageError(error: unknown): StorageFailure {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return 'quota';
  // The one-time move of the data of earlier versions failed (move-from-dexie.ts); that data is untouched.
  if (names.includes('MoveFromDexieError')) return 'moving';
  if (
    names.some((n) =>
      [
        'MissingAPIError',
        'InvalidStateError',
        'SecurityError',
        'OpenFailedError',
        'DatabaseClosedError',
        'VersionError',
      ].includes(n),
    )
  )
    return 'unavailable';
  return 'unknown';
}
