import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Which card of a list is open: one at a time, the first to begin with, a newly added one as soon as it
 * exists. `null` when the user closed them all. Cards are named by index, or by any key (an item's id,
 * when one step holds several lists).
 */
export function useOpenCard<K extends string | number = number>(initial: K | null = 0 as K) {
  const [open, setOpen] = useState<K | null>(initial);
  return {
    open,
    toggle: (key: K) => setOpen((current) => (current === key ? null : key)),
    show: setOpen,
  };
}

/**
 * One item of a long list as a summary card: a line saying what it is, and its fields only when open.
 * The fields stay mounted while closed (hidden), so the form keeps them registered and a "go to the
 * field" link can open the card (the `editor:reveal` event) and focus them.
 */
export function SummaryCard({
  title,
  summary,
  isOpen,
  onToggle,
  onReveal,
  flag,
  badge,
  children,
}: {
  title: string;
  summary: ReactNode;
  isOpen: boolean;
  onToggle: () => void;
  onReveal: () => void;
  /** A short warning shown on the closed card (a problem inside it). */
  flag?: string | undefined;
  /** A short state beside the title, shown open or closed ("Confirmed"); `done` colours it. */
  badge?: { text: string; done: boolean } | undefined;
  children: ReactNode;
}) {
  const panel = useId();
  const item = useRef<HTMLLIElement>(null);
  const reveal = useRef(onReveal);
  useEffect(() => {
    reveal.current = onReveal;
  });
  useEffect(() => {
    const node = item.current;
    const listener = () => reveal.current();
    node?.addEventListener('editor:reveal', listener);
    return () => node?.removeEventListener('editor:reveal', listener);
  }, []);
  return (
    <li ref={item} data-summary-item className={isOpen ? 'summary summary--open' : 'summary'}>
      <button
        type="button"
        className="summary__head"
        aria-expanded={isOpen}
        aria-controls={panel}
        onClick={onToggle}
      >
        <span className="summary__title">
          {title}
          {badge && (
            <span className={badge.done ? 'summary__badge summary__badge--done' : 'summary__badge'}>
              {badge.text}
            </span>
          )}
        </span>
        {!isOpen && <span className="summary__text">{summary}</span>}
        {!isOpen && flag && <span className="summary__flag">{flag}</span>}
      </button>
      <div id={panel} className="summary__panel" hidden={!isOpen}>
        {children}
      </div>
    </li>
  );
}
