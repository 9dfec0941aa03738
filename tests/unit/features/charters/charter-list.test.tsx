import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Charter, PublishedCharter } from '../../../../src/domain/charter/charter';
import type { Locale } from '../../../../src/domain/common';
import { CharterList } from '../../../../src/features/charters/charter-list';
import { createCharter, publish } from '../../factories';
import { blankCharter, openWorkspace, renderWithWorkspace, templateCharter } from '../render-editor';

/** The charter list over a fresh workspace holding `charters` and `versions`; `onOpen` is a spy. */
async function renderList(
  charters: Charter[] = [],
  locale: Locale = 'en',
  versions: PublishedCharter[] = [],
  choosing = false,
) {
  const ws = await openWorkspace(charters, versions);
  const onOpen = vi.fn<(id: string) => void>();
  const user = userEvent.setup({ delay: null });
  renderWithWorkspace(ws, <CharterList onOpen={onOpen} choosing={choosing} />, locale);
  // Every stored charter, in insertion order.
  const charterList = () => [...ws.getState().data.charters.values()];
  return { ws, onOpen, user, charterList };
}

describe('charter list', () => {
  it('reveals the template chooser from “New charter”', async () => {
    const { user } = await renderList();
    expect(screen.getByRole('heading', { level: 1, name: 'My charters' })).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'New charter' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('heading', { name: 'Start a new charter' })).not.toBeInTheDocument();

    await user.click(toggle);

    const heading = screen.getByRole('heading', { level: 2, name: 'Start a new charter' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(heading).toHaveFocus();
    const carSales = screen.getByRole('group', { name: 'Car sales' });
    expect(
      within(carSales)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['In Korean (한국어)', 'In English']);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Start a new charter' })).not.toBeInTheDocument();
  });

  it('opened from “Write your charter” (#/templates), shows the chooser at once, without the empty-list line', async () => {
    await renderList([], 'en', [], true);
    expect(screen.getByRole('heading', { level: 2, name: 'Start a new charter' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'New charter' })).toHaveAttribute('aria-expanded', 'true');
    expect(document.querySelector('.empty')).toBe(null);
  });

  it('creates a blank draft and opens it', async () => {
    const { user, onOpen, charterList } = await renderList();
    await user.click(screen.getByRole('button', { name: 'New charter' }));
    await user.click(screen.getByRole('button', { name: 'Blank charter' }));

    const [created] = charterList();
    expect(charterList()).toHaveLength(1);
    expect(created).toMatchObject({ title: '', locale: 'en', status: 'draft', version: 1, commitments: [] });
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(created!.id);
    expect(screen.getByRole('link', { name: 'Untitled charter' })).toHaveAttribute(
      'href',
      `#/charters/${created!.id}/edit/service-level`,
    );
  });

  it('creates a Korean charter from the car-sales template', async () => {
    const { user, onOpen, charterList } = await renderList();
    await user.click(screen.getByRole('button', { name: 'New charter' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Car sales' })).getByRole('button', {
        name: 'In Korean (한국어)',
      }),
    );

    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const [created] = charterList();
    const template = templateCharter('car-sales', 'ko');
    expect(onOpen).toHaveBeenCalledWith(created!.id);
    expect(created!.id).not.toBe(template.id);
    expect(created).toMatchObject({ locale: 'ko', status: 'draft', version: 1, title: template.title });
    expect(created!.commitments).toEqual(template.commitments);
    expect(created!.commitments).toHaveLength(7);
    expect(screen.getByRole('link', { name: '고객님께 드리는 나의 서비스 약속' })).toBeInTheDocument();
  });

  it('duplicates a charter as a new draft titled “Copy of …”', async () => {
    const [published] = publish(blankCharter('en', { id: 'orig', title: 'Alex’s promise' }));
    const { user, charterList } = await renderList([published]);

    await user.click(
      within(screen.getByRole('group', { name: 'Actions for Alex’s promise' })).getByRole('button', {
        name: 'Duplicate',
      }),
    );

    expect(screen.getByRole('link', { name: 'Copy of Alex’s promise' })).toBeInTheDocument();
    const copy = charterList().find((c) => c.id !== 'orig');
    expect(copy).toMatchObject({
      title: 'Copy of Alex’s promise',
      status: 'draft',
      version: 1,
      publishedAt: null,
    });
    expect(charterList()).toHaveLength(2);
  });

  it('deletes a charter with its versions, and Undo brings both back', async () => {
    const [published, version] = publish(createCharter({ id: 'gone', locale: 'en', title: 'Old promise' }));
    const { user, ws } = await renderList([published], 'en', [version]);

    await user.click(
      within(screen.getByRole('group', { name: 'Actions for Old promise' })).getByRole('button', {
        name: 'Delete',
      }),
    );

    expect(ws.getState().data.charters.has('gone')).toBe(false);
    expect(ws.getState().data.charterVersions.has('gone@1')).toBe(false);
    expect(screen.queryByRole('link', { name: 'Old promise' })).not.toBeInTheDocument();
    const toast = screen.getByRole('status');
    expect(toast).toHaveTextContent('Deleted “Old promise”.');

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(ws.getState().data.charters.get('gone')).toEqual(published);
    expect(ws.getState().data.charterVersions.get('gone@1')).toEqual(version);
    expect(screen.getByRole('link', { name: 'Old promise' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Restored “Old promise”.');
  });

  it('in Korean: creates a blank Korean draft and duplicates with the Korean title', async () => {
    const { user, onOpen, charterList } = await renderList(
      [blankCharter('ko', { id: 'k1', title: '나의 약속' })],
      'ko',
    );
    await user.click(
      within(screen.getByRole('group', { name: '나의 약속 작업' })).getByRole('button', { name: '복제' }),
    );
    expect(screen.getByRole('link', { name: '나의 약속 사본' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '새 헌장' }));
    expect(screen.getByRole('heading', { name: '새 헌장 시작하기' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '빈 헌장' }));

    const blank = charterList().find((c) => c.title === '');
    expect(blank).toMatchObject({ locale: 'ko', status: 'draft' });
    expect(onOpen).toHaveBeenCalledWith(blank!.id);
    expect(charterList()).toHaveLength(3);
  });
});
