import { Switch as AriaSwitch } from 'react-aria-components';
import type { ReactNode } from 'react';
import './controls.css';

/**
 * An on/off setting (react-aria's Switch: a real checkbox with role="switch" underneath, so it is
 * announced and toggled like one). The whole row, label included, is the touch target.
 */
export function Switch({
  isSelected,
  onChange,
  children,
  isDisabled,
}: {
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  children: ReactNode;
  isDisabled?: boolean;
}) {
  return (
    <AriaSwitch
      className="toggle"
      isSelected={isSelected}
      onChange={onChange}
      {...(isDisabled !== undefined && { isDisabled })}
    >
      <span className="switch__track" aria-hidden="true" />
      <span className="toggle__label">{children}</span>
    </AriaSwitch>
  );
}
