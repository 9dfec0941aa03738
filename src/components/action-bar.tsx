import type { ReactNode } from 'react';
import './action-bar.css';

/**
 * The screen's primary action where a thumb reaches it: a bar stuck to the bottom of the screen (above
 * the tab bar) on phones, an ordinary row of buttons under the content from 768 px. Put the primary
 * action last so it sits on the right; `status` is an optional short line (why a button is disabled,
 * what is not saved yet) read with the buttons.
 */
export function ActionBar({
  children,
  status,
  label,
}: {
  children: ReactNode;
  status?: ReactNode;
  /** A name for the bar's landmark when a screen has more than one group of actions. */
  label?: string;
}) {
  return (
    <div className="action-bar" role="group" {...(label && { 'aria-label': label })}>
      <div className="action-bar__inner">
        {status && <p className="action-bar__status">{status}</p>}
        <div className="action-bar__buttons">{children}</div>
      </div>
    </div>
  );
}
