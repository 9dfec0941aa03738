import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultCharter, duplicateCharter } from '../../domain/charter/charter';
import type { Charter, PublishedCharter } from '../../domain/charter/charter';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { Toast } from '../../components/toast';
import { createId, nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import type { Locale } from '../../domain/common';
import { availableTrades, loadTemplate } from './templates';
import type { Trade } from './templates';
import { hrefOf } from '../../lib/routes';

type Deleted = { charter: Charter; versions: PublishedCharter[] };

/** The list of the user's charters: create, open, duplicate, delete with undo. */
export function CharterList({
  onOpen,
  choosing: chooseFirst = false,
}: {
  onOpen: (id: string) => void;
  choosing?: boolean;
}) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, tm, locale, formatDate } = useI18n();
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const closeToast = useCallback(() => {
    setDeleted(null);
    setNotice(null);
  }, []);

  const charters = [...data.charters.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const titleOf = (c: Charter) => c.title.trim() || t('charters.untitled');

  // Opened from "write your charter" (#/templates), the template picker shows at once.
  const [choosing, setChoosing] = useState(chooseFirst);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const chooserHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (choosing) chooserHeading.current?.focus();
  }, [choosing]);

  const createBlank = () => {
    const charter = defaultCharter({ id: createId(), now: nowIso(), locale });
    workspace.put('charters', charter);
    onOpen(charter.id);
  };
  const createFromTemplate = async (trade: Trade, language: Locale) => {
    setTemplateError(null);
    const result = await loadTemplate(trade, language);
    if (!result.ok) {
      setTemplateError(
        t('templates.failed', { reason: result.errors[0] ? tm(result.errors[0].message) : '' }),
      );
      return;
    }
    const now = nowIso();
    const charter = { ...result.charter, id: createId(), createdAt: now, updatedAt: now };
    workspace.put('charters', charter);
    onOpen(charter.id);
  };
  const duplicate = (source: Charter) => {
    const copy = duplicateCharter(source, {
      id: createId(),
      now: nowIso(),
      title: t('charters.copyOf', { title: titleOf(source) }),
    });
    workspace.put('charters', copy);
  };
  const remove = (charter: Charter) => {
    const versions = [...data.charterVersions.values()].filter((v) => v.charterId === charter.id);
    workspace.remove('charters', charter.id);
    for (const v of versions) workspace.remove('charterVersions', `${v.charterId}@${v.version}`);
    setNotice(null);
    setDeleted({ charter, versions });
  };
  const undo = () => {
    if (!deleted) return;
    workspace.put('charters', deleted.charter);
    for (const v of deleted.versions) workspace.put('charterVersions', v);
    setDeleted(null);
    setNotice(t('charters.restored', { title: titleOf(deleted.charter) }));
  };

  return (
    <section aria-labelledby="charters-title" className="page">
      <div className="page__header">
        <h1 id="charters-title">{t('charters.title')}</h1>
        <button
          type="button"
          className="button button--primary"
          aria-expanded={choosing}
          onClick={() => setChoosing((c) => !c)}
        >
          {t('charters.new')}
        </button>
      </div>
      <p className="page__intro">{t('charters.intro')}</p>
      {choosing && (
        <section aria-labelledby="new-charter-title" className="form">
          <h2 id="new-charter-title" ref={chooserHeading} tabIndex={-1}>
            {t('templates.title')}
          </h2>
          <p>{t('templates.intro')}</p>
          <button type="button" className="button" onClick={createBlank}>
            {t('templates.blank')}
          </button>
          <ul className="template-picker">
            {availableTrades('ko').map((trade) => (
              <li key={trade}>
                <h3>{t(`templates.trades.${trade}`)}</h3>
                <div className="card__actions" role="group" aria-label={t(`templates.trades.${trade}`)}>
                  {(['ko', 'en'] as const).map((language) => (
                    <button
                      key={language}
                      type="button"
                      className="button"
                      lang={language}
                      onClick={() => void createFromTemplate(trade, language)}
                    >
                      {t(`templates.in.${language}`)}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
          {templateError && (
            <p role="alert" className="field__error">
              {templateError}
            </p>
          )}
          <button type="button" className="button" onClick={() => setChoosing(false)}>
            {t('templates.cancel')}
          </button>
        </section>
      )}
      {charters.length === 0 ? (
        !choosing && <p className="empty">{t('charters.empty')}</p>
      ) : (
        <ul className="card-list">
          {charters.map((charter) => {
            const title = titleOf(charter);
            return (
              <li key={charter.id} className="card">
                <h2 className="card__title">
                  <a href={hrefOf({ name: 'editor', charterId: charter.id, step: 'service-level' })}>
                    {title}
                  </a>
                </h2>
                <p className="card__meta">
                  <span className={`badge badge--${charter.status}`}>
                    {t(charter.status === 'published' ? 'charters.published' : 'charters.draft', {
                      version: charter.version,
                    })}
                  </span>{' '}
                  {charter.owner.name && <span>{charter.owner.name} · </span>}
                  <span>{t('charters.commitments', { count: charter.commitments.length })}</span> ·{' '}
                  <span>{t('charters.updated', { date: formatDate(charter.updatedAt) })}</span>
                </p>
                <div className="card__actions" role="group" aria-label={t('charters.actionsFor', { title })}>
                  <button type="button" className="button" onClick={() => duplicate(charter)}>
                    {t('charters.duplicate')}
                  </button>
                  <button type="button" className="button button--danger" onClick={() => remove(charter)}>
                    {t('charters.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {deleted && (
        <Toast
          message={t('charters.deleted', { title: titleOf(deleted.charter) })}
          actionLabel={t('charters.undo')}
          onAction={undo}
          onClose={closeToast}
        />
      )}
      {notice && <Toast message={notice} onClose={closeToast} timeoutMs={4_000} />}
    </section>
  );
}
