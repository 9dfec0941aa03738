import { useState } from 'react';
import './pdf-frame.css';

type Props = {
  url: string | null;
  title: string;
  updating: boolean;
  updatingLabel: string;
  error: string | null;
  emptyLabel: string;
};
type Slots = { a: string | null; b: string | null; front: 'a' | 'b'; loading: boolean };

/**
 * Shows a PDF in the browser's own viewer. Two frames take turns: a new PDF loads in the hidden frame and
 * is brought to the front only once it has loaded, so the previous document stays visible meanwhile.
 */
export function PdfFrame({ url, title, updating, updatingLabel, error, emptyLabel }: Props) {
  const [slots, setSlots] = useState<Slots>({ a: null, b: null, front: 'a', loading: false });
  const back = slots.front === 'a' ? 'b' : 'a';
  if (url !== slots[slots.front] && url !== slots[back])
    setSlots({ ...slots, [back]: url, loading: url !== null });
  const busy = updating || slots.loading;
  return (
    <div className="pdf-frame" aria-busy={busy}>
      <p className="pdf-frame__status" role="status">
        {busy ? updatingLabel : ''}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {!slots.a && !slots.b && <p className="empty">{emptyLabel}</p>}
      <div className="pdf-frame__stack">
        {(['a', 'b'] as const).map((slot) =>
          slots[slot] ? (
            <iframe
              key={slot}
              src={slots[slot] ?? undefined}
              title={title}
              className={slot === slots.front ? 'pdf-frame__doc' : 'pdf-frame__doc pdf-frame__doc--back'}
              data-state={slot === slots.front ? 'shown' : 'loading'}
              aria-hidden={slot === slots.front ? undefined : true}
              tabIndex={slot === slots.front ? undefined : -1}
              onLoad={() =>
                setSlots((s) => (slot !== s.front && s[slot] ? { ...s, front: slot, loading: false } : s))
              }
            />
          ) : null,
        )}
      </div>
    </div>
  );
}
