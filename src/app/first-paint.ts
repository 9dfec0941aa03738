import type { FirstMessages } from '../i18n/messages';
import type { Locale } from '../domain/common';

/*
 * The first paint: index.html draws the first screen (the app bar and Today's heading, with a new user's
 * "write your charter" start or a loading line) from a small inline script, in the interface language, before
 * any of the app's scripts have arrived; React replaces it when Today is ready. The words come from the first
 * catalogues at build time (vite.config.ts, `firstPaint`). Built from the same classes as the app's own
 * markup, so the screen does not jump when the app takes over.
 */

/** localStorage key: what the last start showed, so the next first paint matches it. */
export const FIRST_PAINT_KEY = 'service-charter:first-paint';

/** What the app remembers for the next first paint: the interface language, and whether Today had a charter. */
export type FirstPaintHint = { locale: Locale; charter: boolean };

/** The hint as stored (a short string the inline script reads without JSON). */
export function hintText(hint: FirstPaintHint): string {
  return `${hint.locale}:${hint.charter ? 'charter' : 'start'}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The three first screens of one language, as HTML for `#root`. */
export function firstPaintScreens(m: FirstMessages): { start: string; today: string; other: string } {
  const appBar = (title: string) =>
    `<header class="appbar first-paint"><span class="appbar__brand"><span class="appbar__brand-name">${escapeHtml(m.app.name)}</span></span>` +
    `<p class="appbar__title" aria-hidden="true">${escapeHtml(title)}</p></header>`;
  // Not an <h1>: tests and the bench wait for Today's real heading, which only the app draws.
  const head =
    `<div class="today__head"><p class="first-paint__title">${escapeHtml(m.today.title)} ` +
    `<span class="today__date"></span></p></div>`;
  const loading = `<p class="first-paint__status" role="status">${escapeHtml(m.app.loading)}</p>`;
  return {
    start:
      appBar(m.nav.today) +
      `<main><section class="page today first-paint">${head}<div class="empty first-paint__empty">` +
      `<p>${escapeHtml(m.today.noCharter)}</p><a class="button button--primary" href="#/templates">` +
      `${escapeHtml(m.today.writeCharter)}</a></div></section></main>`,
    today:
      appBar(m.nav.today) +
      `<main><section class="page today first-paint">${head}${loading}</section></main>`,
    other:
      `<header class="appbar first-paint"><span class="appbar__brand"><span class="appbar__brand-name boot-name">${escapeHtml(m.app.name)}</span></span></header>` +
      `<main><div class="page first-paint">${loading}</div></main>`,
  };
}

/**
 * The inline script that draws the first screen into `#root`: the remembered language (else the browser's,
 * as `browserLocale` chooses it), Today's start for a new user or a loading line under Today's heading,
 * the date in the browser's zone; a customer's share link (`#/s/…`) keeps index.html's neutral placeholder.
 */
export function firstPaintScript(screens: Record<Locale, ReturnType<typeof firstPaintScreens>>): string {
  return `(function(){try{var s=${JSON.stringify(screens).replaceAll('</', '<\\/')},h=location.hash,r=document.getElementById('root');if(h.indexOf('#/s/')===0)return;var m=null;try{m=/^(ko|en):(charter|start)$/.exec(localStorage.getItem(${JSON.stringify(FIRST_PAINT_KEY)})||'')}catch(e){}var k;if(m)k=m[1];else{var l=navigator.languages||[navigator.language];k='en';for(var i=0;i<l.length;i++){var p=String(l[i]).toLowerCase().split('-')[0];if(p==='ko'){k='ko';break}if(p==='en')break}}var today=/^#?\\/?(today(\\/(log|item)(\\/.*)?)?)?$/.test(h);r.innerHTML=today?(m&&m[2]==='charter'?s[k].today:s[k].start):s[k].other;document.documentElement.lang=k;var d=r.querySelector('.today__date');if(d)d.textContent=new Intl.DateTimeFormat(k==='ko'?'ko-KR':'en-US',{dateStyle:'medium'}).format(new Date())}catch(e){}})()`;
}

/** The scripts index.html starts once its first screen is painted (URLs relative to index.html). */
export type StartFiles = {
  /** The entry chunk (src/app/main.tsx). */
  entry: string;
  /** The entry's static imports, transitively. */
  imports: string[];
  /** The first screen's messages of each language and the chunks they import, which the entry awaits. */
  messages: Record<Locale, string[]>;
  /** The app (src/app/start-app.tsx and its static imports), which the entry awaits except on a share link. */
  app: string[];
};

/**
 * The inline script (after the first paint's) that starts the app once the first screen is on screen: when
 * the browser reports its first contentful paint (else two animation frames later) it adds the entry's
 * module script and preloads what the entry imports and then awaits — the first messages in the browser's
 * language (as `browserLocale` chooses it) and, except on a share link (`#/s/…`), the app. Nothing fetched
 * or run competes with the first paint, which then needs the HTML alone. The preloads go one to a task, after
 * the entry's: with the browser's developer tools attached, as when Lighthouse measures, each one cost
 * 1–4 ms of main thread, and nine in one task made a long one. A hidden page paints nothing: it starts at
 * once, or when hidden later, or after 3 s at most.
 */
export function startScript(files: StartFiles): string {
  return `(function(){var f=${JSON.stringify(files).replaceAll('</', '<\\/')},d=document,done=false;function go(){if(done)return;done=true;var l=navigator.languages||[navigator.language],k='en';for(var i=0;i<l.length;i++){var p=String(l[i]).toLowerCase().split('-')[0];if(p==='ko'||p==='en'){k=p;break}}var s=d.createElement('script');s.type='module';s.crossOrigin='';s.src=f.entry;d.head.appendChild(s);var u=f.imports.concat(f.messages[k]);if(location.hash.indexOf('#/s/')!==0)u=u.concat(f.app);var j=0;(function next(){if(j>=u.length)return;var e=d.createElement('link');e.rel='modulepreload';e.crossOrigin='';e.href=u[j++];d.head.appendChild(e);setTimeout(next,0)})()}if(d.visibilityState!=='visible')return go();d.addEventListener('visibilitychange',go);setTimeout(go,3000);try{if(PerformanceObserver.supportedEntryTypes.indexOf('paint')>=0){new PerformanceObserver(function(list,o){if(list.getEntriesByName('first-contentful-paint').length>0){o.disconnect();go()}}).observe({type:'paint',buffered:true});return}}catch(e){}requestAnimationFrame(function(){requestAnimationFrame(go)})})()`;
}
