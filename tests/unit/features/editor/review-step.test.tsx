import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../../src/domain/charter/charter';
import { applyEdit } from '../../../../src/domain/charter/publishing';
import { renderEditor, templateCharter } from '../render-editor';

/** The car-sales template made publishable: the owner's name added and every commitment confirmed. */
function readyCharter(locale: 'en' | 'ko', id: string): Charter {
  const template = templateCharter('car-sales', locale);
  return {
    ...template,
    id,
    owner: { ...template.owner, name: locale === 'ko' ? '김민준' : 'Alex Park' },
    commitments: template.commitments.map((c) => ({ ...c, readiness: 'confirmed' as const })),
  };
}

describe('review step', () => {
  it('blocks publishing a draft with unconfirmed commitments and links each problem to its step', async () => {
    const charter = templateCharter('car-sales', 'en', { id: 'draft-1' });
    await renderEditor({ charter, step: 'review' });

    // The template has no owner name and 7 unconfirmed commitments: 1 + 7 = 8 problems, all blocking.
    const problems = screen.getByRole('region', { name: 'To fix or consider (8)' });
    const items = within(problems).getAllByRole('listitem');
    expect(items).toHaveLength(8);
    for (const item of items) expect(item).toHaveTextContent(/^Must fix:/);
    expect(items[0]).toHaveTextContent('Must fix: Add your name.');
    expect(within(items[0]!).getByRole('link', { name: 'Go to Service level & vision' })).toHaveAttribute(
      'href',
      '#/charters/draft-1/edit/service-level',
    );
    expect(items[1]).toHaveTextContent(
      'Must fix: Commitment 1: confirm you can keep it every time, or lower the promise.',
    );
    const readinessLinks = within(problems).getAllByRole('link', { name: 'Go to Readiness' });
    expect(readinessLinks).toHaveLength(7);
    for (const link of readinessLinks)
      expect(link).toHaveAttribute('href', '#/charters/draft-1/edit/readiness');

    const publish = screen.getByRole('button', { name: 'Publish version 1' });
    expect(publish).toBeDisabled();
    expect(publish).toHaveAccessibleDescription(
      'Publishing is blocked until the 8 problems marked “Must fix” are solved.',
    );
    expect(screen.getByRole('region', { name: 'Versions' })).toHaveTextContent('No published versions yet.');
  });

  it('publishes a complete charter as version 1 and keeps a snapshot', async () => {
    const { user, ws, stored } = await renderEditor({
      charter: readyCharter('en', 'ready-1'),
      step: 'review',
    });
    expect(screen.getByRole('region', { name: 'To fix or consider (0)' })).toHaveTextContent(
      'Nothing to fix. Your charter is ready.',
    );
    const publish = screen.getByRole('button', { name: 'Publish version 1' });
    expect(publish).toHaveAccessibleDescription('Ready to publish as version 1.');

    await user.click(publish);

    expect(screen.getByRole('status')).toHaveTextContent('Version 1 is published.');
    // One line says so, not two ("Version 1 was published on …" as well).
    expect(screen.queryByText(/was published on/)).not.toBeInTheDocument();
    expect(stored()).toMatchObject({ status: 'published', version: 1, publishedAt: expect.any(String) });
    const snapshot = ws.getState().data.charterVersions.get('ready-1@1');
    expect(snapshot).toMatchObject({ charterId: 'ready-1', version: 1, charter: { status: 'published' } });
    expect(screen.queryByRole('button', { name: /^Publish version/ })).not.toBeInTheDocument();
    const versions = screen.getByRole('region', { name: 'Versions' });
    expect(
      within(versions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^Version 1 — published /)]);
  });

  it('publishes an edited charter as version 2 and compares it with version 1', async () => {
    const { user, ws, stored } = await renderEditor({
      charter: readyCharter('en', 'ready-2'),
      step: 'review',
    });
    await user.click(screen.getByRole('button', { name: 'Publish version 1' }));
    await waitFor(() => expect(stored().status).toBe('published'));

    // An edit (as any step makes it) starts the draft of version 2.
    act(() => {
      const current = stored();
      ws.put(
        'charters',
        applyEdit(current, { ...current, title: 'My promise, revised' }, new Date().toISOString()),
      );
    });
    expect(stored()).toMatchObject({ status: 'draft', version: 2 });
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));

    expect(screen.getByRole('status')).toHaveTextContent('Version 2 is published.');
    expect(stored()).toMatchObject({ status: 'published', version: 2 });
    expect(ws.getState().data.charterVersions.get('ready-2@1')?.charter.title).toBe(
      'My Service Promise to You',
    );
    expect(ws.getState().data.charterVersions.get('ready-2@2')?.charter.title).toBe('My promise, revised');

    expect(screen.getByLabelText('Compare version')).toHaveValue('1');
    expect(screen.getByLabelText('with version')).toHaveValue('2');
    const table = screen.getByRole('table', { name: 'Changes from v1 to v2 (1)' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('title');
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['My Service Promise to You', 'My promise, revised']);
  });

  it('in Korean: links to the readiness step and publishes', async () => {
    const draft = templateCharter('car-sales', 'ko', { id: 'ko-draft' });
    const first = await renderEditor({ charter: draft, step: 'review', locale: 'ko' });
    const problems = screen.getByRole('region', { name: '고칠 것과 살펴볼 것(8)' });
    expect(within(problems).getAllByRole('link', { name: '준비 점검으로 가기' })[0]).toHaveAttribute(
      'href',
      '#/charters/ko-draft/edit/readiness',
    );
    expect(within(problems).getAllByRole('listitem')[1]).toHaveTextContent(
      '꼭 고치세요: 약속 1: 매번 지킬 수 있는지 확인하거나 약속을 낮추세요.',
    );
    expect(screen.getByRole('button', { name: '버전 1 게시' })).toBeDisabled();
    first.view.unmount();

    const { user, stored } = await renderEditor({
      charter: readyCharter('ko', 'ko-ready'),
      step: 'review',
      locale: 'ko',
    });
    await user.click(screen.getByRole('button', { name: '버전 1 게시' }));
    expect(screen.getByRole('status')).toHaveTextContent('버전 1을 게시했습니다.');
    expect(stored().status).toBe('published');
  });
});
