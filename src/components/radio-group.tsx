import { Label, Radio, RadioGroup as AriaRadioGroup, Text } from 'react-aria-components';
import './controls.css';

/**
 * One choice out of a few, each option a button-sized row (react-aria's RadioGroup: arrow keys move
 * between options, the group is announced with its label).
 */
export function RadioGroup<V extends string>({
  label,
  options,
  value,
  onChange,
  hint,
  labelledBy,
}: {
  /** The visible label; with `labelledBy` (a heading already naming the group) it is not shown. */
  label: string;
  labelledBy?: string;
  options: readonly (readonly [V, string])[];
  /** The chosen option; null while the question is still unanswered (nothing shown as chosen). */
  value: V | null;
  onChange: (value: V) => void;
  hint?: string | undefined;
}) {
  return (
    <AriaRadioGroup
      className="radios"
      {...(labelledBy ? { 'aria-labelledby': labelledBy } : {})}
      value={value}
      onChange={(next) => {
        const option = options.find(([id]) => id === next);
        if (option) onChange(option[0]);
      }}
    >
      {!labelledBy && <Label>{label}</Label>}
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <div className="radios__options">
        {options.map(([id, text]) => (
          <Radio key={id} value={id} className="radio">
            {text}
          </Radio>
        ))}
      </div>
    </AriaRadioGroup>
  );
}
