// The NumberField reads what people type ("78,900,000", "₩78,900,000"), hands react-hook-form what the
// schema expects, and shows the schema's message instead of quietly fixing an invalid value.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Locale } from '../../../src/domain/common';
import { FormNumberField } from '../../../src/components/number-field';
import { I18nProvider } from '../../../src/lib/i18n';
import { useLocalizedResolver } from '../../../src/lib/form';

const schema = z.object({
  amount: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(1e15)]),
  visits: z.number().int().min(1).nullable(),
});
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;

function Form({ onSave, currency }: { onSave: (values: Output) => void; currency?: string }) {
  const resolver = useLocalizedResolver<Input, Output>(schema);
  const form = useForm<Input, unknown, Output>({ resolver, defaultValues: { amount: '', visits: null } });
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSave)(e)}>
      <FormNumberField
        control={form.control}
        name="amount"
        store="string"
        label="Amount"
        currency={currency}
      />
      <FormNumberField control={form.control} name="visits" label="Visits" />
      <button type="submit">Save</button>
    </form>
  );
}

function setup(locale: Locale, currency?: string) {
  const saved: Output[] = [];
  render(
    <I18nProvider locale={locale}>
      <Form onSave={(v) => saved.push(v)} currency={currency} />
    </I18nProvider>,
  );
  return { saved, user: userEvent.setup() };
}

describe('NumberField', () => {
  it.each([
    ['ko', '78,900,000', undefined],
    ['en', '78,900,000', undefined],
    ['ko', '₩78,900,000', 'KRW'],
    ['en', '78900000', 'KRW'],
  ] as const)('in %s, "%s" (currency %s) is stored as 78900000', async (locale, typed, currency) => {
    const { saved, user } = setup(locale, currency);
    await user.type(await screen.findByRole('textbox', { name: 'Amount' }), typed);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.amount).toBe(78_900_000);
    // Shown back grouped for the reader.
    expect((screen.getByRole('textbox', { name: 'Amount' }) as HTMLInputElement).value).toMatch(/78,900,000/);
  });

  it('shows the schema message for an invalid value, marks the field and saves nothing', async () => {
    const { saved, user } = setup('en');
    await user.type(await screen.findByRole('textbox', { name: 'Visits' }), '-2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const visits = screen.getByRole('textbox', { name: 'Visits' });
    await vi.waitFor(() => expect(visits.getAttribute('aria-invalid')).toBe('true'));
    // The value is kept as typed (never clamped to the minimum), and the message is linked to the field.
    expect((visits as HTMLInputElement).value).toBe('-2');
    expect(visits.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(visits.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent,
    ).toMatch(/\S/);
    expect(saved).toEqual([]);
  });

  it('an emptied field is empty in the form, not 0', async () => {
    const { saved, user } = setup('en');
    const amount = await screen.findByRole('textbox', { name: 'Amount' });
    await user.type(amount, '5');
    await user.clear(amount);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ amount: null, visits: null });
  });
});
