/** Why a save failed, in the terms the user is told. */
export type StorageFailure = 'quota' | 'unavailable' | 'unknown';

/** Every error name in `error` and the errors it wraps (Dexie wraps DOM errors as `inner`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [...names, ...errorNames(e.inner, depth + 1), ...failures.flatMap((f) => errorNames(f, depth + 1))];
}

/**
 * Sorts a storage error: quota (including Dexie's `AbortError` wrapping a `QuotaExceededError`),
 * IndexedDB unavailable (private mode, blocked, missing API), or anything else.
 */
export function classifyStorageError(error: unknown): StorageFailure {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return 'quota';
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
