import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_KEY, firstPaintScreens, firstPaintScript, hintText } from '../../../src/app/first-paint';
import { enFirst } from '../../../src/i18n/first/en';
import { koFirst } from '../../../src/i18n/first/ko';

// index.html's first paint: the inline script draws the first screen into #root before the app's scripts.
const script = firstPaintScript({ ko: firstPaintScreens(koFirst), en: firstPaintScreens(enFirst) });

function paint(hash: string, languages: string[]): HTMLElement {
  window.history.replaceState(null, '', `/${hash}`);
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  document.body.innerHTML = '<div id="root"><p>placeholder</p></div>';
  // The same text index.html runs, as a classic script.
  new Function(script)();
  return document.getElementById('root')!;
}

describe('first paint', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T03:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows a new user Today in the browser language with the link to write a charter', () => {
    const root = paint('', ['ko-KR', 'en-US']);
    expect(root.querySelector('.first-paint__title')?.textContent).toBe('오늘 2026. 12. 6.');
    expect(root.querySelector('.first-paint__empty p')?.textContent).toBe(koFirst.today.noCharter);
    expect(root.querySelector('a[href="#/templates"]')?.textContent).toBe('헌장 쓰기');
    expect(document.documentElement.lang).toBe('ko');
    // Never Today's real heading, which tests and the bench wait for.
    expect(root.querySelector('h1')).toBeNull();
  });

  it('shows the remembered language and a loading line under Today for a user with a charter', () => {
    localStorage.setItem(FIRST_PAINT_KEY, hintText({ locale: 'en', charter: true }));
    const root = paint('#/today/log', ['ko-KR']);
    expect(root.querySelector('.first-paint__title')?.textContent).toBe('Today Dec 6, 2026');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Opening your charters…');
    expect(root.querySelector('.first-paint__empty')).toBeNull();
  });

  it('shows only the app bar and a loading line on another screen', () => {
    const root = paint('#/tracker', ['en-GB']);
    expect(root.querySelector('.appbar__brand-name')?.textContent).toBe('Service Charter');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Opening your charters…');
    expect(root.querySelector('.first-paint__title')).toBeNull();
  });

  it("leaves a customer's share link with index.html's placeholder", () => {
    const root = paint('#/s/abc', ['ko-KR']);
    expect(root.innerHTML).toBe('<p>placeholder</p>');
  });
});
