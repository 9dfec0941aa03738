import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

// When the whole catalogue arrives after the first screen's messages, the app is drawn again only if
// something on screen asked for a message that was not loaded yet: on a phone, drawing the whole app again
// right after start is a long task. A fresh copy of the text system per test.
async function freshI18n() {
  vi.resetModules();
  return import('../../../src/lib/i18n');
}

async function renderCounting(key: 'today.title' | 'scores.noData') {
  const i18n = await freshI18n();
  await i18n.loadFirstMessages('en');
  let renders = 0;
  function Label() {
    renders += 1;
    return <p>{i18n.useI18n().t(key)}</p>;
  }
  render(
    <i18n.I18nProvider locale="en">
      <Label />
    </i18n.I18nProvider>,
  );
  return { i18n, renders: () => renders };
}

describe('the whole catalogue arriving after the first screen', () => {
  it('draws nothing again when every message shown was loaded', async () => {
    const { i18n, renders } = await renderCounting('today.title');
    expect(screen.getByText('Today')).toBeInTheDocument();
    const before = renders();
    await act(() => i18n.whenMessagesComplete());
    expect(renders()).toBe(before);
    expect(i18n.translate('en', 'scores.noData')).toBe('no data');
  });

  it('draws again what asked for a message that was missing, which then shows', async () => {
    const { i18n, renders } = await renderCounting('scores.noData');
    expect(screen.getByText('scores.noData')).toBeInTheDocument();
    const before = renders();
    await act(() => i18n.whenMessagesComplete());
    expect(renders()).toBeGreaterThan(before);
    expect(screen.getByText('no data')).toBeInTheDocument();
  });
});
