import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScript } from '../../../src/app/first-paint';

// index.html's last script: the app's scripts start only once the first screen is on screen.
const script = startScript({
  entry: './assets/index.js',
  imports: ['./assets/react.js'],
  messages: { ko: ['./assets/ko.js'], en: ['./assets/en.js'] },
  app: ['./assets/start-app.js', './assets/pouch.js'],
});

/** What the page has asked for so far: the module script, then the preloads, in order. */
const requested = () => [
  ...[...document.head.querySelectorAll('script[type="module"]')].map(
    (s) => `script ${s.getAttribute('src')}`,
  ),
  ...[...document.head.querySelectorAll('link[rel="modulepreload"]')].map(
    (l) => `preload ${l.getAttribute('href')}`,
  ),
];

let frames: FrameRequestCallback[] = [];
let paintObserver:
  ((list: { getEntriesByName: (name: string) => unknown[] }, o: { disconnect: () => void }) => void) | null;

function run({ hash = '', languages = ['ko-KR'], visible = true, paintTiming = true } = {}) {
  window.history.replaceState(null, '', `/${hash}`);
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visible ? 'visible' : 'hidden');
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  class FakeObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : ['resource'];
    constructor(callback: NonNullable<typeof paintObserver>) {
      paintObserver = callback;
    }
    observe(options: { type: string; buffered: boolean }) {
      expect(options).toEqual({ type: 'paint', buffered: true });
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  new Function(script)();
}

/** Runs the animation frames requested so far (one frame). */
function frame() {
  const due = frames;
  frames = [];
  for (const callback of due) callback(0);
}

/** The browser reports paint entries: `names` of them. */
function paints(...names: string[]) {
  let disconnected = false;
  paintObserver?.(
    { getEntriesByName: (name: string) => names.filter((n) => n === name) },
    { disconnect: () => (disconnected = true) },
  );
  return disconnected;
}

describe('starting the app after the first paint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.head.innerHTML = '';
    frames = [];
    paintObserver = null;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('asks for nothing until the first contentful paint, then for the entry and what it awaits', () => {
    run();
    frame();
    frame();
    expect(paints('first-paint')).toBe(false);
    expect(requested()).toEqual([]);
    expect(paints('first-paint', 'first-contentful-paint')).toBe(true);
    vi.runAllTimers();
    expect(requested()).toEqual([
      'script ./assets/index.js',
      'preload ./assets/react.js',
      'preload ./assets/ko.js',
      'preload ./assets/start-app.js',
      'preload ./assets/pouch.js',
    ]);
    const entry = document.head.querySelector('script')!;
    expect(entry.type).toBe('module');
    expect(entry.crossOrigin).toBe('');
    // Once only: a later report, frame or timer adds nothing.
    paints('first-contentful-paint');
    vi.advanceTimersByTime(5_000);
    expect(requested()).toHaveLength(5);
  });

  it("preloads the first messages in the browser's language, English when it is neither", () => {
    run({ languages: ['fr-FR', 'en-GB', 'ko'] });
    paints('first-contentful-paint');
    vi.runAllTimers();
    expect(requested()).toContain('preload ./assets/en.js');
    expect(requested()).not.toContain('preload ./assets/ko.js');
  });

  it("does not preload the app on a customer's share link", () => {
    run({ hash: '#/s/abc', languages: ['en-US'] });
    paints('first-contentful-paint');
    vi.runAllTimers();
    expect(requested()).toEqual([
      'script ./assets/index.js',
      'preload ./assets/react.js',
      'preload ./assets/en.js',
    ]);
  });

  it('adds the entry, then the preloads one to a task, in order, so that no task is a long one', () => {
    const app = Array.from({ length: 4 }, (_, i) => `./assets/app-${i}.js`);
    document.head.innerHTML = '';
    window.history.replaceState(null, '', '/');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    new Function(
      startScript({ entry: './e.js', imports: ['./i.js'], messages: { ko: [], en: ['./en.js'] }, app }),
    )();
    const all = ['./i.js', './en.js', ...app].map((a) => `preload ${a}`);
    // The task that starts: the entry and the first preload; then one more per task (a timer of 0 ms).
    expect(requested()).toEqual(['script ./e.js', all[0]]);
    for (let done = 2; done <= all.length; done++) {
      vi.advanceTimersToNextTimer();
      expect(requested()).toEqual(['script ./e.js', ...all.slice(0, done)]);
    }
    vi.advanceTimersToNextTimer();
    expect(requested()).toHaveLength(1 + all.length);
  });

  it('starts after two frames where the browser does not report paints', () => {
    run({ paintTiming: false });
    frame();
    expect(requested()).toEqual([]);
    frame();
    expect(requested()[0]).toBe('script ./assets/index.js');
  });

  it('starts at once in a hidden page, which paints nothing', () => {
    run({ visible: false });
    expect(requested()[0]).toBe('script ./assets/index.js');
  });

  it('starts when the page is hidden before its first paint, or after 3 s at most', () => {
    run();
    document.dispatchEvent(new Event('visibilitychange'));
    vi.runAllTimers();
    expect(requested()).toHaveLength(5);

    document.head.innerHTML = '';
    run();
    vi.advanceTimersByTime(2_999);
    expect(requested()).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.runAllTimers();
    expect(requested()).toHaveLength(5);
  });
});
