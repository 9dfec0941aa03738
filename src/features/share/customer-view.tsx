import { useEffect, useState } from 'react';
import type { Charter } from '../../domain/charter/charter';
import { describeCommitment, describeDuration } from '../../domain/charter/commitment-text';
import { momentWhen, momentsInOrder } from '../../domain/charter/handover';
import { decodeShareLink } from '../../domain/interchange/share-link';
import type { ShareTrackRecord } from '../../domain/interchange/share-link';
import { richTextToPlain } from '../../domain/rich-text/rich-text';
import { inflateRaw } from '../../persistence/compression';
import { usePdfDownload } from '../../pdf/use-pdf';
import { createI18n, loadCatalogue, useCatalogue, useI18n } from '../../lib/i18n';
import type { Translate } from '../../lib/i18n';
import './share.css';

type State =
  | { kind: 'opening' }
  | {
      kind: 'ok';
      charter: Charter;
      trackRecord: ShareTrackRecord | null;
      summary: boolean;
      timeZone: string | undefined;
    }
  | { kind: 'damaged' | 'newer-version' | 'too-large' };

/**
 * The read-only customer view of a shared charter, decoded from the link itself. It reads nothing from and
 * writes nothing to this browser's storage: a customer opening a link leaves no trace.
 */
export function CustomerView({ payload }: { payload: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'opening' });
  useEffect(() => {
    let cancelled = false;
    void decodeShareLink(payload, { decompress: inflateRaw }).then(async (result) => {
      // The customer reads one language, the charter's: its words are loaded before the charter shows.
      if (result.ok) await loadCatalogue(result.charter.locale).catch(() => undefined);
      if (cancelled) return;
      setState(
        result.ok
          ? {
              kind: 'ok',
              charter: result.charter,
              trackRecord: result.trackRecord,
              summary: result.summary === true,
              timeZone: result.timeZone,
            }
          : { kind: result.reason },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [payload]);

  if (state.kind === 'opening')
    return (
      <p className="page" role="status">
        {t('share.opening')}
      </p>
    );
  if (state.kind !== 'ok')
    return (
      <section className="page" aria-labelledby="link-problem">
        <h1 id="link-problem">
          {t(state.kind === 'newer-version' ? 'share.newerTitle' : 'share.damagedTitle')}
        </h1>
        <p>{t(state.kind === 'newer-version' ? 'share.newer' : 'share.damaged')}</p>
      </section>
    );
  return (
    <SharedCharter
      charter={state.charter}
      trackRecord={state.trackRecord}
      summary={state.summary}
      timeZone={state.timeZone}
    />
  );
}

/** Digits and a leading + only: what a tel: link dials ("010-1234-5678" → "01012345678"). */
const dialable = (phone: string) => phone.replace(/[^+0-9]/g, '');

/** Buttons that reach the owner: call, email, website (each only when the charter gives it). */
function Contacts({ owner, t }: { owner: Charter['owner']; t: Translate }) {
  const site = owner.website.trim();
  const href = site === '' || /^https?:\/\//i.test(site) ? site : `https://${site}`;
  if (!owner.phone.trim() && !owner.email.trim() && !site) return null;
  return (
    <div className="toolbar shared__contacts">
      {owner.phone.trim() && (
        <a className="button button--primary" href={`tel:${dialable(owner.phone)}`}>
          {t('share.call', { phone: owner.phone.trim() })}
        </a>
      )}
      {owner.email.trim() && (
        <a className="button" href={`mailto:${owner.email.trim()}`}>
          {t('share.email')}
        </a>
      )}
      {href && (
        <a className="button" href={href} target="_blank" rel="noreferrer">
          {t('share.website')}
        </a>
      )}
    </div>
  );
}

function SharedCharter({
  charter,
  trackRecord,
  summary,
  timeZone,
}: {
  charter: Charter;
  trackRecord: ShareTrackRecord | null;
  /** Opened from the QR code of a PDF whose whole charter did not fit: the PDF is the charter. */
  summary: boolean;
  /** The owner's time zone as the link names it (the dates are that zone's days); else Seoul. */
  timeZone: string | undefined;
}) {
  const lang = charter.locale;
  // Every word of the view (headings, buttons, dates, numbers) in the charter's language, whatever the
  // phone's: the text is the charter's, and `lang` makes a screen reader read all of it in one voice.
  useCatalogue(lang);
  const zone = timeZone ?? 'Asia/Seoul';
  const { t, tm, formatNumber, formatDate } = createI18n(lang, zone);
  const [download, start] = usePdfDownload(charter, { trackRecord, timeZone: zone });
  const vision = richTextToPlain(charter.vision).split('\n').filter(Boolean);
  return (
    <article className="page shared" lang={lang} aria-labelledby="shared-title">
      <p className="step__rule">{t('share.kicker')}</p>
      <h1 id="shared-title">{charter.title}</h1>
      <p className="owner">
        <strong>{charter.owner.name}</strong>
        {charter.owner.role && ` · ${charter.owner.role}`}
        {charter.owner.company && ` · ${charter.owner.company}`}
      </p>
      <p className="note">
        {[
          charter.owner.phone,
          charter.owner.email,
          charter.publishedAt &&
            t('share.publishedOn', { version: charter.version, date: formatDate(charter.publishedAt) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {summary ? (
        // A summary carries only the main promises: a PDF made from it would not be the charter the
        // customer holds, so none is offered; the owner is one tap away instead.
        <p className="shared__summary" role="note">
          {t('share.summaryNote')}
        </p>
      ) : (
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void start()}
            disabled={download.busy}
          >
            {t('preview.download')}
          </button>
          <span role="status">{download.busy ? t('preview.preparing') : ''}</span>
        </div>
      )}
      {download.error && (
        <p role="alert" className="field__error">
          {t('preview.failed', { reason: download.error })}
        </p>
      )}
      <Contacts owner={charter.owner} t={t} />
      {vision.length > 0 && (
        <section aria-labelledby="shared-vision">
          <h2 id="shared-vision">{t('serviceLevel.vision')}</h2>
          {vision.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </section>
      )}
      <section aria-labelledby="shared-commitments">
        <h2 id="shared-commitments">{t(summary ? 'share.mainCommitments' : 'share.commitments')}</h2>
        <ol className="shared__list">
          {charter.commitments.map((c) => (
            <li key={c.id}>
              {tm(describeCommitment(c, lang))}
              {c.measuredBy && <span className="note"> — {c.measuredBy}</span>}
            </li>
          ))}
        </ol>
      </section>
      {trackRecord && (
        <section aria-labelledby="shared-record">
          <h2 id="shared-record">{t('share.record', { days: trackRecord.periodDays })}</h2>
          <ul>
            {trackRecord.rows.map((row, i) => (
              <li key={i}>
                {row.label}:{' '}
                {row.total === 0
                  ? t('scores.noData')
                  : t('share.keptOf', {
                      kept: formatNumber(row.kept),
                      total: formatNumber(row.total),
                      percent: formatNumber(Math.round((row.kept / row.total) * 100)),
                    })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {charter.moments.length > 0 && (
        <section aria-labelledby="shared-moments">
          <h2 id="shared-moments">{t('steps.moments.title')}</h2>
          <ul>
            {momentsInOrder(charter.moments).map((m) => (
              <li key={m.id}>
                <strong>{tm(momentWhen(m, charter.handover))}</strong> · {m.label}
              </li>
            ))}
          </ul>
        </section>
      )}
      {charter.recovery.steps.length > 0 && (
        <section aria-labelledby="shared-recovery">
          <h2 id="shared-recovery">{t('share.recovery')}</h2>
          {charter.recovery.promise && <p>{charter.recovery.promise}</p>}
          <ol>
            {charter.recovery.steps.map((s) => (
              <li key={s.id}>
                {s.action} ({tm(describeDuration(s.within))})
              </li>
            ))}
          </ol>
        </section>
      )}
      {charter.alternatives.length > 0 && (
        <section aria-labelledby="shared-alternatives">
          <h2 id="shared-alternatives">{t('steps.alternatives.title')}</h2>
          <dl>
            {charter.alternatives.map((a) => (
              <div key={a.id} className="shared__alternative">
                <dt>{a.request}</dt>
                <dd>
                  {/* One offer a line, as the PDF lists them: joined by " · " they ran into each other. */}
                  <ul>
                    {a.offers.filter(Boolean).map((offer, i) => (
                      <li key={i}>{offer}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </article>
  );
}
