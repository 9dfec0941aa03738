import { useState } from 'react';

/**
 * Copying text to the clipboard, with the outcome to show: null before a copy, then 'ok' or 'failed'
 * (no permission, an insecure page): the screen then tells the user to copy by hand.
 */
export function useCopy(): [copied: 'ok' | 'failed' | null, copy: (text: string) => Promise<void>] {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return [copied, copy];
}
