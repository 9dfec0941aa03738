import { createContext, useContext } from 'react';

/**
 * What a step's form tells the editor about the values it could not store: the dotted paths of the
 * fields whose current value fails the charter schema (so the stored charter still holds the old value),
 * and a way to show every field's message and move focus to the first field to fix.
 */
export type FormHealth = { unsaved: readonly string[]; reveal: () => void };

export const HEALTHY: FormHealth = { unsaved: [], reveal: () => undefined };

/** Set by the editor around the current step; a step's form calls it whenever its values change. */
export const FormHealthContext = createContext<(health: FormHealth) => void>(() => undefined);

export const useReportHealth = () => useContext(FormHealthContext);

/**
 * Moves focus to the field registered as `path`: a native input by its name, or the visible input of a
 * react-aria field (whose `name` is on a hidden input). A collapsed summary card holding it is opened
 * first (it listens for `editor:reveal`).
 */
export function focusField(path: string): boolean {
  // Paths are dotted names and indexes (`commitments.0.promised.value`): safe inside a quoted selector.
  const named = document.querySelector<HTMLElement>(`[name="${path.replace(/["\\]/g, '')}"]`);
  if (!named) return false;
  named.closest('[data-summary-item]')?.dispatchEvent(new CustomEvent('editor:reveal'));
  const field = named.closest('.field');
  const visible =
    named instanceof HTMLInputElement && named.type === 'hidden'
      ? field?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')
      : named;
  // The card opens on the next render; focus after it so the field is visible and can take focus.
  setTimeout(() => {
    visible?.focus();
    visible?.scrollIntoView?.({ block: 'center' });
  }, 0);
  return true;
}

const noticeKey = (charterId: string) => `charter-editor-unsaved:${charterId}`;

/** A change that could not be stored, remembered across a reload so the editor can say what happened. */
export type UnsavedNotice = { step: string; count: number };

export function readUnsavedNotice(charterId: string): UnsavedNotice | null {
  try {
    const raw = localStorage.getItem(noticeKey(charterId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<UnsavedNotice>;
    return typeof parsed.step === 'string' && typeof parsed.count === 'number'
      ? { step: parsed.step, count: parsed.count }
      : null;
  } catch {
    return null;
  }
}

export function writeUnsavedNotice(charterId: string, notice: UnsavedNotice | null) {
  try {
    if (notice) localStorage.setItem(noticeKey(charterId), JSON.stringify(notice));
    else localStorage.removeItem(noticeKey(charterId));
  } catch {
    // Storage refused (private window): the notice after a reload is a courtesy, the form state is not.
  }
}
