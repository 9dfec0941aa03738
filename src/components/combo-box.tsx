import {
  Button,
  ComboBox as AriaComboBox,
  FieldError,
  Group,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useI18n } from '../lib/i18n';
import './controls.css';

export type ComboOption = { id: string; label: string; detail?: string | undefined };

/**
 * A picker with search: type a few letters of a commitment or a customer to narrow a long list (the
 * input is as wide as its column, whatever the longest option). Built on react-aria's ComboBox: the list
 * opens on focus or tap, arrow keys and screen readers work as in a native select. With
 * `allowsCustomValue` the typed text is kept when nothing is picked (a new customer's name); read it
 * through `inputValue`/`onInputChange`.
 */
export function ComboBox({
  label,
  options,
  selectedKey,
  onSelectionChange,
  inputValue,
  onInputChange,
  allowsCustomValue = false,
  hint,
  error,
  placeholder,
  name,
}: {
  label: string;
  options: readonly ComboOption[];
  selectedKey: string | null;
  onSelectionChange: (id: string | null) => void;
  inputValue?: string;
  onInputChange?: (text: string) => void;
  allowsCustomValue?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  placeholder?: string;
  name?: string;
}) {
  const { t } = useI18n();
  const { contains } = useFilter({ sensitivity: 'base' });
  return (
    <AriaComboBox
      className="combo"
      defaultItems={options}
      selectedKey={selectedKey}
      onSelectionChange={(key: Key | null) => onSelectionChange(key === null ? null : String(key))}
      defaultFilter={contains}
      menuTrigger="focus"
      allowsCustomValue={allowsCustomValue}
      allowsEmptyCollection
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      {...(inputValue !== undefined && { inputValue })}
      {...(onInputChange && { onInputChange })}
      {...(name !== undefined && { name })}
    >
      <Label>{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <Group className="combo__group">
        <Input className="combo__input" {...(placeholder !== undefined && { placeholder })} />
        <Button className="combo__button" aria-label={t('ui.showOptions')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="combo__popover" placement="bottom start" offset={4}>
        <ListBox<ComboOption>
          className="combo__list"
          renderEmptyState={() => (
            <p className="combo__empty">{t('ui.noMatches', { query: inputValue ?? '' })}</p>
          )}
        >
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="combo__item">
              <Text slot="label">{option.label}</Text>
              {option.detail && (
                <Text slot="description" className="combo__item-detail">
                  {option.detail}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
