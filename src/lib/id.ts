/** A new random id: 32 hex characters (128 bits); works in non-secure contexts, where randomUUID is missing. */
export function createId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** The current instant as an ISO 8601 string. */
export function nowIso(): string {
  return new Date().toISOString();
}
