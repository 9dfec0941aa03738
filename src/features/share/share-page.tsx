import { useMemo, useState } from 'react';
import { MAX_LINK_LENGTH, encodeShareLink } from '../../domain/interchange/share-link';
import { trackRecordOf } from '../../domain/tracker/track-record';
import { deflateRaw } from '../../persistence/compression';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { Switch } from '../../components/switch';
import { ActionBar } from '../../components/action-bar';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../lib/i18n';
import { hrefOf } from '../../lib/routes';
import { shareUrl } from '../../domain/interchange/share-address';
import { charterMessage } from '../../i18n/charter-message';

// A Korean MMS carries at most 4,000 bytes of text (2,000 Korean characters): a longer link does not fit
// in one text message, while messengers and email pass it whole (up to MAX_LINK_LENGTH). Below this the
// link's length tells the owner nothing, so it is not shown.
const TEXT_MESSAGE_LINK_LENGTH = 4_000;

/** Where the shared charter is opened: the public base URL when set, else this app's own address. */
function appBaseUrl(publicBaseUrl: string): string {
  const base = publicBaseUrl.trim() || `${window.location.origin}${window.location.pathname}`;
  return base.replace(/#.*$/, '');
}

/** The owner's share page: a link that carries the published charter (and, if chosen, its track record). */
export function SharePage({ charterId }: { charterId: string }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatNumber } = useI18n();
  const charter = data.charters.get(charterId) ?? null;
  const published = useMemo(
    () =>
      [...data.charterVersions.values()]
        .filter((v) => v.charterId === charterId)
        .sort((a, b) => b.version - a.version)[0] ?? null,
    [data.charterVersions, charterId],
  );
  const [withRecord, setWithRecord] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const settings = workspace.settings;

  if (!charter)
    return (
      <section className="page" aria-labelledby="share-title">
        <h1 id="share-title">{t('editor.notFound')}</h1>
        <a href={hrefOf({ name: 'charters' })}>{t('editor.back')}</a>
      </section>
    );

  const create = async () => {
    if (!published) return;
    setBusy(true);
    setCopied(false);
    const trackRecord = withRecord
      ? trackRecordOf({
          charter: published.charter,
          versions: [...data.charterVersions.values()],
          records: [...data.deliveries.values()],
          recoveryCases: [...data.recoveryCases.values()],
          settings,
          nowMs: Date.now(),
          days: 90,
          say: (message) => charterMessage(published.charter.locale, message),
        })
      : null;
    const result = await encodeShareLink(
      // The owner's zone travels with the link: the customer sees the dates the owner's PDF prints.
      { charter: published.charter, trackRecord, timeZone: settings.calendar.timeZone },
      { compress: deflateRaw },
    );
    setBusy(false);
    if (!result.ok) {
      setLink(null);
      setProblem(
        result.reason === 'not-published'
          ? t('share.publishFirst')
          : t('share.tooLong', { length: formatNumber(result.length ?? 0) }),
      );
      return;
    }
    const base = appBaseUrl(settings.publicBaseUrl);
    const url = shareUrl(base, result.text);
    if (url.length > MAX_LINK_LENGTH) {
      setLink(null);
      setProblem(t('share.tooLong', { length: formatNumber(url.length) }));
      return;
    }
    setProblem(null);
    setLink(url);
  };

  // The phone's own share sheet (messages, messengers, email), where the browser has one.
  const canShare = typeof navigator.share === 'function';
  const share = async () => {
    if (!link) return;
    try {
      await navigator.share({ title: published?.charter.title ?? charter.title, url: link });
    } catch {
      // Dismissed by the user, or refused: the link is still on screen to copy.
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="page" aria-labelledby="share-title">
      <p>
        <a href={hrefOf({ name: 'editor', charterId: charter.id, step: 'service-level' })}>
          ← {t('preview.backToEditor')}
        </a>
      </p>
      <h1 id="share-title">{t('share.title')}</h1>
      <p className="page__intro">{t('share.intro')}</p>
      {!published ? (
        <p className="empty">{t('share.publishFirst')}</p>
      ) : (
        <div className="form">
          <p>{t('share.sharingVersion', { version: published.version })}</p>
          <Switch isSelected={withRecord} onChange={setWithRecord}>
            {t('share.withRecord')}
          </Switch>
          <ActionBar>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void create()}
              disabled={busy}
            >
              {t('share.create')}
            </button>
          </ActionBar>
          <div role="status">{busy ? t('share.creating') : ''}</div>
          {problem && (
            <p role="alert" className="field__error">
              {problem} <a href={hrefOf({ name: 'preview', charterId: charter.id })}>{t('share.usePdf')}</a>
            </p>
          )}
          {link && (
            <>
              <TextField
                label={t('share.link')}
                value={link}
                readOnly
                onFocus={(e) => e.target.select()}
                {...(link.length > TEXT_MESSAGE_LINK_LENGTH && {
                  hint: t('share.linkHint', { length: formatNumber(link.length) }),
                })}
              />
              <div className="toolbar">
                {canShare && (
                  <button type="button" className="button button--primary" onClick={() => void share()}>
                    {t('share.share')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => void copy()}>
                  {t('share.copy')}
                </button>
                <a className="button" href={link} target="_blank" rel="noreferrer">
                  {t('share.open')}
                </a>
              </div>
              <p role="status">{copied ? t('share.copied') : ''}</p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
