import { useEffect } from 'react';

/** A short notice with one optional action (e.g. Undo), announced politely, gone after `timeoutMs`. */
export function Toast({
  message,
  actionLabel,
  onAction,
  onClose,
  timeoutMs = 10_000,
}: {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onClose: () => void;
  timeoutMs?: number;
}) {
  useEffect(() => {
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [onClose, timeoutMs, message]);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" className="button button--inverse" onClick={onAction}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
