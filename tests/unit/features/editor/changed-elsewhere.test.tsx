import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, renderEditor } from '../render-editor';

// Another tab, or another device through sync, changes the charter while the editor is open on it.
describe('a charter changed elsewhere while its editor is open', () => {
  it('shows the other change, and an edit made here afterwards keeps it', async () => {
    const { ws, user, stored } = await renderEditor({
      charter: blankCharter('en', { title: 'Before' }),
      step: 'service-level',
    });
    const company = screen.getByLabelText('Company');
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    await waitFor(() => expect(stored().owner.name).toBe('Alex'));

    // The other device renamed the charter and set the company (what sync puts into the workspace).
    act(() =>
      ws.put('charters', {
        ...stored(),
        title: 'Renamed on the laptop',
        owner: { ...stored().owner, company: 'Hanbit Motors' },
      }),
    );
    expect(await screen.findByDisplayValue('Renamed on the laptop')).toBe(
      screen.getByLabelText('Charter title'),
    );
    expect(company).toHaveValue('Hanbit Motors');
    expect(screen.getByLabelText('Your name')).toHaveValue('Alex');

    // A later edit in the same step keeps the laptop's fields (before, the form wrote its old values back).
    await user.type(screen.getByLabelText('Your name'), ' Kim');
    await waitFor(() => expect(stored().owner.name).toBe('Alex Kim'));
    expect(stored().title).toBe('Renamed on the laptop');
    expect(stored().owner.company).toBe('Hanbit Motors');
  });

  it('shows a vision written on the other device in the open text box; an edit here afterwards keeps it', async () => {
    const { ws, user, stored } = await renderEditor({
      charter: blankCharter('en', { title: 'Before' }),
      step: 'service-level',
    });
    const vision = screen.getByRole('textbox', { name: 'Service vision' });
    expect(vision).toHaveTextContent(/^$/);

    const other = {
      ...stored(),
      vision: {
        type: 'doc' as const,
        content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Kept from B' }] }],
      },
    };
    act(() => ws.put('charters', other));
    await waitFor(() => expect(vision).toHaveTextContent(/^Kept from B$/));
    // Showing it wrote nothing of its own.
    expect(stored()).toBe(other);

    // Before, the step's form wrote its empty vision back with the next edit.
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    await waitFor(() => expect(stored().owner.name).toBe('Alex'));
    expect(stored().vision).toEqual(other.vision);
  });

  it('writes nothing back when it only shows the other change', async () => {
    const { ws, stored } = await renderEditor({
      charter: blankCharter('en', { title: 'Before' }),
      step: 'service-level',
    });
    const other = { ...stored(), title: 'From the other tab', updatedAt: '2026-12-01T00:00:00.000Z' };
    act(() => ws.put('charters', other));
    await screen.findByDisplayValue('From the other tab');
    // Still the other tab's object: the refresh did not answer with a write of its own.
    expect(stored()).toBe(other);
  });
});
