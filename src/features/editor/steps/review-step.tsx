import { useState } from 'react';
import { describeCommitment } from '../../../domain/charter/commitment-text';
import { diffCharters, publishCharter } from '../../../domain/charter/publishing';
import { richTextToPlain } from '../../../domain/rich-text/rich-text';
import { useWorkspace, useWorkspaceState } from '../../../persistence/workspace-context';
import { nowIso } from '../../../lib/id';
import { translateMessage, useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { hrefOf } from '../../../lib/routes';

/** Publishing first (or why it is blocked), every problem with a link to its step, an overview, the versions. */
export function ReviewStep({ charter, problems }: StepProps) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, locale, formatDate } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const errors = problems.filter((p) => p.severity === 'error');
  const versions = [...data.charterVersions.values()]
    .filter((v) => v.charterId === charter.id)
    .sort((a, b) => b.version - a.version);

  const publish = () => {
    const result = publishCharter(charter, nowIso());
    if (!result.ok) return;
    workspace.put('charterVersions', result.snapshot);
    workspace.put('charters', result.charter);
    setMessage(t('review.publishedNow', { version: result.snapshot.version }));
  };

  return (
    <div className="review">
      <section aria-labelledby="publish-title" className="form">
        <h3 id="publish-title">{t('review.publishTitle')}</h3>
        {/* Just published, the status line says so; the dated line below it would say it twice. */}
        {charter.status === 'published' ? (
          !message && (
            <p>
              {t('review.isPublished', {
                version: charter.version,
                date: charter.publishedAt ? formatDate(charter.publishedAt) : '',
              })}
            </p>
          )
        ) : (
          <>
            <p id="publish-help" className={errors.length > 0 ? 'publish__why' : undefined}>
              {errors.length > 0
                ? t('review.blocked', { count: errors.length })
                : t('review.ready', { version: charter.version })}
            </p>
            <button
              type="button"
              className="button button--primary"
              onClick={publish}
              disabled={errors.length > 0}
              aria-describedby="publish-help"
            >
              {t('review.publish', { version: charter.version })}
            </button>
          </>
        )}
        {message && (
          <p role="status" className="note">
            {message}
          </p>
        )}
        {charter.status === 'published' && (
          <nav aria-labelledby="next-title" className="next-steps">
            <h4 id="next-title">{t('review.nextTitle')}</h4>
            <ul>
              <li>
                <a
                  className="button button--primary"
                  href={hrefOf({ name: 'preview', charterId: charter.id })}
                >
                  {t('review.nextPdf')}
                </a>
              </li>
              <li>
                <a className="button" href={hrefOf({ name: 'share', charterId: charter.id })}>
                  {t('review.nextShare')}
                </a>
              </li>
              <li>
                <a className="button" href={hrefOf({ name: 'today', log: true, charterId: charter.id })}>
                  {t('review.nextTrack')}
                </a>
              </li>
            </ul>
          </nav>
        )}
      </section>

      <section aria-labelledby="problems-title" className="form">
        <h3 id="problems-title">{t('review.problems', { count: problems.length })}</h3>
        {problems.length === 0 ? (
          <p>{t('review.noProblems')}</p>
        ) : (
          <ul>
            {problems.map((p, i) => (
              <li key={i} className={`problem problem--${p.severity}`}>
                <span className="problem__severity">
                  {t(p.severity === 'error' ? 'editor.mustFix' : 'editor.consider')}
                </span>{' '}
                {translateMessage(locale, p.message)}{' '}
                <a href={hrefOf({ name: 'editor', charterId: charter.id, step: p.step })}>
                  {t('review.goTo', { step: t(`steps.${p.step}.title`) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="glance-title" className="form">
        <h3 id="glance-title">{t('review.glance')}</h3>
        <dl className="glance">
          <dt>{t('review.owner')}</dt>
          <dd>
            {[charter.owner.name, charter.owner.role, charter.owner.company].filter(Boolean).join(' · ') ||
              '—'}
          </dd>
          <dt>{t('serviceLevel.vision')}</dt>
          <dd>{richTextToPlain(charter.vision).split('\n')[0] || '—'}</dd>
          <dt>{t('steps.commitments.title')}</dt>
          <dd>
            <ul>
              {charter.commitments.map((c) => (
                <li key={c.id} lang={charter.locale}>
                  {translateMessage(charter.locale, describeCommitment(c, charter.locale))}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('review.counts')}</dt>
          <dd>
            {t('review.countsText', {
              checkIns:
                charter.checkIns.before.length +
                charter.checkIns.during.length +
                charter.checkIns.after.length,
              moments: charter.moments.length,
              recovery: charter.recovery.steps.length,
              alternatives: charter.alternatives.length,
            })}
          </dd>
        </dl>
      </section>

      <Versions versions={versions} />
    </div>
  );
}

function Versions({
  versions,
}: {
  versions: { version: number; publishedAt: string; charter: StepProps['charter'] }[];
}) {
  const { t, formatDate } = useI18n();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  if (versions.length === 0)
    return (
      <section aria-labelledby="versions-title" className="form">
        <h3 id="versions-title">{t('review.versions')}</h3>
        <p>{t('review.noVersions')}</p>
      </section>
    );
  const left = versions.find((v) => v.version === (from ?? versions[1]?.version ?? versions[0]!.version))!;
  const right = versions.find((v) => v.version === (to ?? versions[0]!.version))!;
  const changes = diffCharters(left.charter, right.charter);
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      v{v.version} · {formatDate(v.publishedAt)}
    </option>
  ));
  return (
    <section aria-labelledby="versions-title" className="form">
      <h3 id="versions-title">{t('review.versions')}</h3>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            {t('review.versionLine', { version: v.version, date: formatDate(v.publishedAt, 'datetime') })}
          </li>
        ))}
      </ul>
      {versions.length > 1 && (
        <>
          <div className="grid-3">
            <div className="field field--narrow">
              <label htmlFor="diff-from">{t('review.compareFrom')}</label>
              <select id="diff-from" value={left.version} onChange={(e) => setFrom(Number(e.target.value))}>
                {options}
              </select>
            </div>
            <div className="field field--narrow">
              <label htmlFor="diff-to">{t('review.compareTo')}</label>
              <select id="diff-to" value={right.version} onChange={(e) => setTo(Number(e.target.value))}>
                {options}
              </select>
            </div>
          </div>
          {changes.length === 0 ? (
            <p>{t('review.noChanges')}</p>
          ) : (
            <table className="diff">
              <caption>
                {t('review.changes', { from: left.version, to: right.version, count: changes.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.field')}</th>
                  <th scope="col">{t('review.before')}</th>
                  <th scope="col">{t('review.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.path}>
                    <th scope="row">
                      <code>{c.path}</code>
                    </th>
                    <td>{c.before ?? t('review.none')}</td>
                    <td>{c.after ?? t('review.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
