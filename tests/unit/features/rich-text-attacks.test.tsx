// Rich text arriving by import (restore() of a backup) or by share link can carry no script. Every attack
// string tries to set `window.__probe`; it is placed in every rich-text field, in link marks and in the
// plain-text fields a customer sees, sent through restore() and through a share link (encode → decode),
// and rendered by the customer view and by the editor's rich-text component. jsdom here runs scripts and
// inline handlers (vitest's runScripts: 'dangerously'), which the control test below proves, so a probe
// left undefined means nothing ran.
import { deflateRawSync } from 'node:zlib';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter';
import { BACKUP_FORMAT, CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { restore } from '../../../src/domain/interchange/restore';
import { decodeShareLink, encodeShareLink } from '../../../src/domain/interchange/share-link';
import type { Deflate } from '../../../src/domain/interchange/share-link';
import type { BlockNode, RichTextDoc } from '../../../src/domain/rich-text/rich-text';
import { RichTextEditor } from '../../../src/components/rich-text-editor';
import { CustomerView } from '../../../src/features/share/customer-view';
import { I18nProvider, translateMessage } from '../../../src/lib/i18n';
import { inflateRaw } from '../../../src/persistence/compression';
import { createCharter, publish } from '../factories';

/**
 * The window the page's own scripts and inline handlers run in: jsdom's, which vitest exposes as
 * `jsdom.window`. The test's `window` global is only a copy of its properties, so a script's
 * `window.__probe = 1` is seen here and only here.
 */
const page = () =>
  (globalThis as unknown as { jsdom: { window: Window & { __probe?: unknown } } }).jsdom.window;

const P = 'window.__probe=1';

/** Markup and template attacks, shown to people as text. Each is at most 120 characters (the shortest field). */
const TEXT_ATTACKS = [
  `<script>${P}</script>`,
  `<SCRIPT SRC=data:text/javascript,${P}></SCRIPT>`,
  `<img src=x onerror=${P}>`,
  `<img src="x" onerror="${P}">`,
  `<IMG SRC=# onmouseover="${P}">`,
  `<svg onload=${P}>`,
  `<svg><script>${P}</script></svg>`,
  `<svg><a xlink:href="javascript:${P}"><text>x</text></a></svg>`,
  `<iframe srcdoc="<script>parent.__probe=1</script>"></iframe>`,
  `<iframe src="javascript:parent.__probe=1">`,
  `<a href="javascript:${P}">click</a>`,
  `<a href="&#106;avascript:${P}">click</a>`,
  `<body onload=${P}>`,
  `<details open ontoggle=${P}>`,
  `<input autofocus onfocus=${P}>`,
  `<video><source onerror="${P}"></video>`,
  `<object data="javascript:${P}"></object>`,
  `<embed src="data:text/html,<script>parent.__probe=1</script>">`,
  `<form><button formaction="javascript:${P}">go</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${P}>`,
  `<noscript><p title="</noscript><img src=x onerror=${P}>">`,
  `<scr<script>ipt>${P}</scr</script>ipt>`,
  `"><script>${P}</script>`,
  `'--><svg onload=${P}>`,
  `<!--<img src=x onerror=${P}>-->`,
  `<style>@import 'javascript:${P}';</style>`,
  `<div style="background:url(javascript:${P})">x</div>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `<base href="javascript:${P}//">`,
  `<marquee onstart=${P}>x</marquee>`,
  `<xss onafterscriptexecute=${P}><script>1</script>`,
  `&lt;script&gt;${P}&lt;/script&gt;`,
  `{{constructor.constructor('${P}')()}}`,
  `\${${P}}`,
  `javascript:${P}`,
  `<a href="jav&#x09;ascript:${P}">x</a>`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<x contenteditable onblur=${P}>lose focus`,
] as const;

/** Link targets that must never reach a page: refused by restore(), so a file or link carrying one is refused. */
const HREF_ATTACKS = [
  `javascript:${P}`,
  `JaVaScRiPt:${P}`,
  `JAVASCRIPT:${P}`,
  ` javascript:${P}`,
  `\tjavascript:${P}`,
  `\njavascript:${P}`,
  `java\tscript:${P}`,
  `java\nscript:${P}`,
  `java\rscript:${P}`,
  `java\u0000script:${P}`,
  `\u0001javascript:${P}`,
  `\u200bjavascript:${P}`,
  `\ufeffjavascript:${P}`,
  `javascript&colon;${P}`,
  `&#106;avascript:${P}`,
  `&#x6A;avascript:${P}`,
  `&#0000106&#0000097vascript:${P}`,
  `%6A%61%76%61script:${P}`,
  `javascript://%0A${P}`,
  `javascript:/*https://example.com*/${P}`,
  `vbscript:msgbox(1)`,
  `VBScript:Execute("x")`,
  `data:text/html,<script>parent.__probe=1</script>`,
  `DATA:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wcm9iZT0xPC9zY3JpcHQ+`,
  ` data:image/svg+xml,<svg onload="parent.__probe=1"/>`,
  `livescript:${P}`,
  `feed:javascript:${P}`,
  `blob:https://example.com/uuid`,
  `file:///etc/passwd`,
  `//evil.example/x`,
  `/relative/path`,
  `#fragment`,
  `https`,
  '',
] as const;

/** Allowed schemes that try to break out of the attribute: kept as written, but only ever as an attribute value. */
const QUOTED_HREFS = [
  `https://example.com/" onmouseover="${P}`,
  `https://example.com/'><script>${P}</script>`,
  `mailto:a@example.com?subject=<script>${P}</script>`,
  `tel:<img src=x onerror=${P}>`,
  `HTTPS://example.com/?q=javascript:${P}`,
] as const;

const paragraph = (text: string, marks?: unknown[]) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});

/** A document with every kind of block holding each text, and each text also as bold, italic and linked text. */
function docOf(texts: readonly string[], href = 'https://example.com/'): RichTextDoc {
  const blocks: unknown[] = [];
  for (const text of texts)
    blocks.push(
      paragraph(text),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] },
      paragraph(text, [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href } }]),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text)] }] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [paragraph(text)] }],
      },
    );
  return { type: 'doc', content: blocks as BlockNode[] };
}

/** A published charter whose every rich-text field and the customer-visible plain text carry `texts`. */
function charterWith(texts: readonly string[], href?: string): Charter {
  const base = createCharter();
  const first = texts[0]!;
  const charter: Charter = {
    ...base,
    title: first,
    owner: { ...base.owner, name: first.slice(0, 80), role: first.slice(0, 80), company: first },
    vision: docOf(texts, href),
    commitments: base.commitments.map((c, i) => ({ ...c, measuredBy: texts[i % texts.length]! })),
    moments: texts.slice(0, 20).map((label, i) => ({ ...base.moments[0]!, id: `moment-${i}`, label })),
    recovery: {
      promise: texts.join('\n').slice(0, 1_000),
      steps: texts.slice(0, 20).map((action, i) => ({ ...base.recovery.steps[0]!, id: `step-${i}`, action })),
    },
    alternatives: texts.slice(0, 30).map((request, i) => ({ id: `alt-${i}`, request, offers: [request] })),
    afterSales: { ...base.afterSales, careTips: docOf(texts, href) },
  };
  return publish(charter)[0];
}

const backupOf = (charter: unknown) => ({
  format: BACKUP_FORMAT,
  version: CURRENT_VERSION,
  exportedAt: '2026-04-01T12:00:00.000Z',
  charters: [charter],
});

// Node's zlib on the sending side; the customer view decodes with the app's own DecompressionStream.
const deflate: Deflate = async (bytes) => new Uint8Array(deflateRawSync(bytes));

async function linkFor(charter: Charter): Promise<string> {
  const encoded = await encodeShareLink({ charter }, { compress: deflate });
  if (!encoded.ok) throw new Error(`link not made: ${encoded.reason} ${encoded.length ?? ''}`);
  return encoded.text;
}

const EVENTS = ['load', 'error', 'mouseover', 'focus', 'blur', 'toggle', 'animationstart', 'start'];

/**
 * Fires the events inline handlers listen for on every element, then checks the page: no script-capable
 * element, no `on…` attribute, no link or source with a script scheme, and the probe never set.
 */
function expectInert(): void {
  for (const element of document.body.querySelectorAll('*'))
    for (const type of EVENTS) element.dispatchEvent(new Event(type));
  expect(
    // ProseMirror's own cursor helper (an <img> without src after a trailing line break) is allowed.
    document.body.querySelectorAll(
      'script, iframe, object, embed, img:not(.ProseMirror-separator), img[src], svg, style, base, meta, form, math',
    ),
  ).toHaveLength(0);
  for (const element of document.body.querySelectorAll('*'))
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(
        false,
      );
      if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(attribute.name))
        // The editor blanks a link it does not allow (href="": this page itself, harmless).
        expect(attribute.value).toMatch(/^$|^(https?:|mailto:|tel:)/i);
    }
  expect(page().__probe).toBeUndefined();
}

function renderCustomerView(payload: string) {
  return render(
    <I18nProvider locale="en">
      <CustomerView payload={payload} />
    </I18nProvider>,
  );
}

function renderEditors(charter: Pick<Charter, 'vision' | 'afterSales'>) {
  return render(
    <I18nProvider locale="en">
      <RichTextEditor label="Vision" value={charter.vision} onChange={() => undefined} />
      <RichTextEditor label="Care tips" value={charter.afterSales.careTips} onChange={() => undefined} />
    </I18nProvider>,
  );
}

beforeEach(() => {
  delete page().__probe;
});
afterEach(() => {
  delete page().__probe;
});

describe('rich-text attacks', () => {
  it('uses at least 50 attack strings', () => {
    expect(TEXT_ATTACKS.length + HREF_ATTACKS.length + QUOTED_HREFS.length).toBeGreaterThanOrEqual(50);
    for (const text of TEXT_ATTACKS) expect(text.length).toBeLessThanOrEqual(120);
  });

  it('control: this page would run a script or an inline handler, so an unset probe means nothing ran', () => {
    const host = document.createElement('div');
    host.innerHTML = `<span onmouseover="window.__probe='handler'">x</span>`;
    document.body.append(host);
    host.firstElementChild!.dispatchEvent(new Event('mouseover'));
    expect(page().__probe).toBe('handler');
    const script = document.createElement('script');
    script.textContent = `window.__probe = 'script'`;
    document.body.append(script);
    expect(page().__probe).toBe('script');
    host.remove();
    script.remove();
  });

  // Batches keep each share link under its length limit.
  const batches = [
    TEXT_ATTACKS.slice(0, 10),
    TEXT_ATTACKS.slice(10, 20),
    TEXT_ATTACKS.slice(20, 30),
    TEXT_ATTACKS.slice(30),
  ];

  it.each(batches.map((batch, i) => [i + 1, batch] as const))(
    'markup as text (batch %i) survives restore() and a share link as plain text, and runs nowhere',
    async (_n, batch) => {
      const charter = charterWith(batch, QUOTED_HREFS[_n % QUOTED_HREFS.length]);
      const restored = restore(backupOf(charter));
      expect(restored.ok).toBe(true);
      if (!restored.ok) return;
      const fromFile = restored.backup.charters[0]!;
      expect(fromFile.vision).toEqual(charter.vision);
      expect(fromFile.afterSales.careTips).toEqual(charter.afterSales.careTips);

      const link = await linkFor(fromFile);
      const decoded = await decodeShareLink(link, { decompress: inflateRaw });
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.charter.vision).toEqual(charter.vision);

      const view = renderCustomerView(link);
      await screen.findByRole('heading', { level: 1, name: batch[0] });
      for (const text of batch) expect(view.container.textContent).toContain(text);
      expectInert();
      view.unmount();

      const editors = renderEditors(decoded.charter);
      const [vision, careTips] = screen.getAllByRole('textbox');
      for (const text of batch) {
        expect(vision!.textContent).toContain(text);
        expect(careTips!.textContent).toContain(text);
      }
      const links = [...document.querySelectorAll('a')];
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) expect(a.getAttribute('href')).toBe(QUOTED_HREFS[_n % QUOTED_HREFS.length]);
      expectInert();
      editors.unmount();
    },
  );

  it.each(HREF_ATTACKS.map((href) => [JSON.stringify(href), href] as const))(
    'link %s is refused by restore() and by the share link, and the editor never renders it',
    async (_label, href) => {
      const charter = charterWith(['링크'], href);
      const result = restore(backupOf(charter));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const paths = result.errors.map((e) => e.path);
      expect(paths).toContain('charters[0].vision.content[2].content[0].marks[2].attrs.href');
      expect(paths).toContain('charters[0].afterSales.careTips.content[2].content[0].marks[2].attrs.href');
      expect(translateMessage('en', result.errors[0]!.message)).toBe(
        'must be an http, https, mailto or tel link',
      );

      // A link carrying it (made by something other than this app's editor) opens as "damaged".
      const link = await linkFor(charter);
      expect(await decodeShareLink(link, { decompress: inflateRaw })).toEqual({
        ok: false,
        reason: 'damaged',
      });
      const view = renderCustomerView(link);
      await screen.findByRole('heading', { name: 'This link is damaged' });
      expect(view.container.textContent).not.toContain('링크');
      expectInert();
      view.unmount();

      // Even handed the raw document (bypassing restore), the editor drops the target.
      const editors = renderEditors(charter);
      expect(screen.getAllByRole('textbox')[0]!.textContent).toContain('링크');
      expectInert();
      editors.unmount();
    },
  );

  it('attributes smuggled into marks and nodes are dropped by restore(), unknown nodes and marks refused', async () => {
    const smuggled = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, onclick: P, style: 'x' },
          content: [
            {
              type: 'text',
              text: 'hello',
              onmouseover: P,
              html: `<img src=x onerror=${P}>`,
              marks: [
                { type: 'bold', attrs: { onmouseover: P, class: 'x' } },
                { type: 'italic', onfocus: P },
                {
                  type: 'link',
                  attrs: { href: 'https://example.com/', onclick: P, target: `javascript:${P}`, rel: P },
                },
              ],
            },
          ],
        },
        { type: 'paragraph', attrs: { onload: P }, content: [{ type: 'hardBreak', attrs: { onerror: P } }] },
      ],
    };
    const charter = { ...charterWith(['x']), vision: smuggled };
    const result = restore(backupOf(charter));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const clean: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [
            {
              type: 'text',
              text: 'hello',
              marks: [
                { type: 'bold' },
                { type: 'italic' },
                { type: 'link', attrs: { href: 'https://example.com/' } },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'hardBreak' }] },
      ],
    };
    expect(result.backup.charters[0]!.vision).toEqual(clean);
    const view = renderCustomerView(await linkFor(result.backup.charters[0]!));
    await screen.findByRole('heading', { level: 1 });
    expectInert();
    view.unmount();
    const editors = renderEditors(result.backup.charters[0]!);
    expectInert();
    editors.unmount();

    const refused: unknown[] = [
      { type: 'html', content: `<script>${P}</script>` },
      { type: 'image', attrs: { src: 'x', onerror: P } },
      { type: 'iframe', attrs: { srcdoc: `<script>${P}</script>` } },
      { type: 'codeBlock', content: [{ type: 'text', text: 'x' }] },
      { type: 'paragraph', content: [{ type: 'rawHTML', html: `<script>${P}</script>` }] },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: 'script', attrs: { src: 'x' } }] }],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: {} }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: '' }] },
    ];
    for (const block of refused) {
      const bad = restore(backupOf({ ...charterWith(['x']), vision: { type: 'doc', content: [block] } }));
      expect(bad.ok, JSON.stringify(block)).toBe(false);
    }
    expect(page().__probe).toBeUndefined();
  });
});
