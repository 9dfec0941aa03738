import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stepCompletion } from '../../../../src/domain/charter/review';
import { STEP_IDS } from '../../../../src/domain/charter/steps';
import { createCharter, resetIds } from '../../factories';
import { blankCharter, renderEditor, templateCharter } from '../render-editor';

const TITLES = [
  'Service level & vision',
  'Commitments',
  'Readiness',
  'Before, during, after',
  'Under-promise, over-deliver',
  'Moments that matter',
  'Recovery playbook',
  'Instead of “I can’t”',
  'After-sales plan',
  'Review & publish',
];

describe('charter editor', () => {
  it('lists the 10 steps with the current one marked', async () => {
    await renderEditor({ charter: blankCharter('en', { id: 'c1' }), step: 'readiness' });
    const nav = screen.getByRole('navigation', { name: 'Steps' });
    const links = within(nav).getAllByRole('link');
    // A blank charter has no step complete.
    expect(links.map((a) => a.textContent?.replace(/^\d+/, ''))).toEqual(TITLES.map((t) => `${t} (to do)`));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      STEP_IDS.map((id) => `#/charters/c1/edit/${id}`),
    );
    // dom-accessibility-api drops the space before the visually hidden "(to do)": names are matched loosely.
    expect(within(nav).getByRole('link', { current: 'step' })).toHaveAccessibleName(
      /^Readiness\s*\(to do\)$/,
    );
    expect(links.filter((a) => a.hasAttribute('aria-current'))).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 2, name: 'Step 3 of 10 · Readiness' })).toBeInTheDocument();
    expect(within(nav).getByRole('progressbar', { name: '0 of 10 steps complete' })).toHaveAttribute(
      'value',
      '0',
    );
  });

  it('counts the complete steps the way stepCompletion does', async () => {
    resetIds();
    // The factory charter: every step but readiness (one commitment unconfirmed), moments (2 of 5) and
    // review (blocked by readiness) is complete → 7 of 10.
    const charter = createCharter({ id: 'full' });
    const done = Object.values(stepCompletion(charter)).filter(Boolean).length;
    expect(done).toBe(7);
    await renderEditor({ charter, step: 'service-level' });

    const nav = screen.getByRole('navigation', { name: 'Steps' });
    expect(within(nav).getByRole('progressbar', { name: '7 of 10 steps complete' })).toHaveAttribute(
      'value',
      '7',
    );
    const states = within(nav)
      .getAllByRole('link')
      .map((a) => /\((complete|to do)\)$/.exec(a.textContent ?? '')?.[1]);
    expect(states).toEqual([
      'complete', // service level
      'complete', // commitments
      'to do', // readiness
      'complete', // phases
      'complete', // buffer
      'to do', // moments
      'complete', // recovery
      'complete', // alternatives
      'complete', // after-sales
      'to do', // review
    ]);
  });

  it('updates the progress as the charter changes', async () => {
    const charter = templateCharter('car-sales', 'en', { id: 'tpl' });
    const { user, stored } = await renderEditor({ charter, step: 'service-level' });
    // Template: service level (no name), readiness and review are not complete → 7 of 10.
    expect(screen.getByRole('progressbar', { name: '7 of 10 steps complete' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Your name'), 'Alex');

    await waitFor(() => expect(stored().owner.name).toBe('Alex'));
    expect(screen.getByRole('progressbar', { name: '8 of 10 steps complete' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Service level & vision\s*\(complete\)$/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('links to the previous and next steps', async () => {
    const charter = blankCharter('en', { id: 'c2' });
    const { view } = await renderEditor({ charter, step: 'readiness' });
    const stepNav = screen.getByRole('navigation', { name: 'Previous and next step' });
    expect(
      within(stepNav)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['← Back: Commitments', '#/charters/c2/edit/commitments'],
      ['Next: Before, during, after →', '#/charters/c2/edit/phases'],
    ]);
    view.unmount();

    const first = await renderEditor({ charter: blankCharter('en', { id: 'c3' }), step: 'service-level' });
    expect(
      within(screen.getByRole('navigation', { name: 'Previous and next step' }))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#/charters/c3/edit/commitments']);
    first.view.unmount();

    await renderEditor({ charter: blankCharter('en', { id: 'c4' }), step: 'review' });
    expect(
      within(screen.getByRole('navigation', { name: 'Previous and next step' }))
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([['← Back: After-sales plan', '#/charters/c4/edit/after-sales']]);
  });

  it('shows the step’s own problems below the form', async () => {
    await renderEditor({ charter: blankCharter('en'), step: 'recovery' });
    const problems = screen.getByRole('region', { name: 'In this step' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Must fix: Add the steps you take when a promise is broken.']);
  });

  it('says so when the charter does not exist', async () => {
    await renderEditor({ charter: blankCharter('en'), step: 'commitments', charterId: 'missing' });
    expect(
      screen.getByRole('heading', { name: 'This charter does not exist (it may have been deleted).' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All charters' })).toHaveAttribute('href', '#/charters');
    expect(screen.queryByRole('navigation', { name: 'Steps' })).not.toBeInTheDocument();
  });

  it('in Korean: progress, step heading and neighbours', async () => {
    resetIds();
    const charter = createCharter({ id: 'ko-full' });
    await renderEditor({ charter, step: 'buffer', locale: 'ko' });
    const nav = screen.getByRole('navigation', { name: '단계' });
    expect(within(nav).getByRole('progressbar', { name: '10단계 중 7단계 완료' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { current: 'step' })).toHaveAccessibleName(
      /^적게 약속하고 많이 제공하기\s*\(완료\)$/,
    );
    expect(
      screen.getByRole('heading', { level: 2, name: '10단계 중 5단계 · 적게 약속하고 많이 제공하기' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: '이전·다음 단계' }))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#/charters/ko-full/edit/phases', '#/charters/ko-full/edit/moments']);
  });

  it('in Korean: says so when the charter does not exist', async () => {
    await renderEditor({ charter: blankCharter('ko'), step: 'review', locale: 'ko', charterId: 'gone' });
    expect(
      screen.getByRole('heading', { name: '이 헌장이 없습니다(삭제되었을 수 있습니다).' }),
    ).toBeInTheDocument();
  });
});
