import type { ReactNode } from 'react';

/** A message that interrupts: announced at once (role="alert"), with its actions below. */
export function Banner({
  tone,
  title,
  children,
  actions,
}: {
  tone: 'error' | 'warning';
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div role="alert" className={`banner banner--${tone}`}>
      <p className="banner__title">{title}</p>
      <div className="banner__body">{children}</div>
      {actions && <div className="banner__actions">{actions}</div>}
    </div>
  );
}
