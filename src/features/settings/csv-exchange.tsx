import { useId, useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { describeCsvProblem, IMPORT_FIELDS } from '../../domain/interchange/csv-columns';
import type { ColumnMapping, CsvProblem, ImportField } from '../../domain/interchange/csv-columns';
import { guessCharterId, guessMapping, parseCsv } from '../../domain/interchange/csv-read';
import type { CsvTable } from '../../domain/interchange/csv-read';
import { applyRecordImport, planRecordImport } from '../../domain/interchange/csv-import-plan';
import { recordsToCsv } from '../../domain/interchange/csv-write';
import { planImport } from '../../domain/interchange/merge';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { createId, nowIso } from '../../lib/id';
import { downloadText } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { SelectField } from '../../components/fields';
import { TextField } from '../../components/text-field';
import { exportFilename } from '../../domain/interchange/file-names';

/** How many problems the preview lists; the rest are counted. */
const SHOWN_PROBLEMS = 10;

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'unreadable'; problems: CsvProblem[] }
  | { kind: 'ready'; table: CsvTable; fileName: string }
  | { kind: 'importing' }
  | { kind: 'done'; records: number; customers: number }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/**
 * A file's text: UTF-8 (with or without BOM), or — when it is not valid UTF-8 — EUC-KR/CP949, which
 * Korean Excel writes for "CSV (comma delimited)".
 */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/**
 * Delivery records to and from spreadsheets. Export writes one charter's (or every) record as CSV. Import
 * reads a CSV, guesses which column holds what (the user can change each), shows what would be added,
 * updated and refused with the first problems by row and column, and writes nothing until the user
 * confirms — then everything in one transaction.
 */
export function CsvExchange() {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, tm, locale, formatNumber } = useI18n();
  const ids = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [exportCharter, setExportCharter] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [chosenCharter, setChosenCharter] = useState('');
  const [createCustomers, setCreateCustomers] = useState(true);

  const charters = useMemo(() => [...data.charters.values()], [data.charters]);
  const charter = data.charters.get(chosenCharter) ?? charters[0];

  const exportRecords = () => {
    const now = nowIso();
    const records = [...data.deliveries.values()].filter(
      (r) => exportCharter === '' || r.charterId === exportCharter,
    );
    const settings = workspace.settings;
    downloadText(
      exportFilename('records', now, settings.calendar),
      recordsToCsv({
        records,
        charters,
        customers: [...data.customers.values()],
        deals: [...data.deals.values()],
        locale,
        statusWord: (status) => t(`tracker.status.${status}`),
        now,
        atRiskShare: settings.atRiskShare,
        calendar: settings.calendar,
      }),
      'text/csv;charset=utf-8',
    );
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setStage({ kind: 'reading' });
    const parsed = parseCsv(await readText(file));
    if (!parsed.ok) {
      setStage({ kind: 'unreadable', problems: parsed.problems });
      return;
    }
    setMapping(guessMapping(parsed.table.header));
    const guessed = guessCharterId(parsed.table, charters);
    if (guessed !== null) setChosenCharter(guessed);
    setStage({ kind: 'ready', table: parsed.table, fileName: file.name });
  };

  const plan = useMemo(() => {
    if (stage.kind !== 'ready' || !mapping || !charter) return null;
    return planRecordImport({
      table: stage.table,
      mapping,
      charter,
      customers: [...data.customers.values()],
      deals: [...data.deals.values()],
      existing: [...data.deliveries.values()],
      calendar: workspace.settings.calendar,
      createCustomers,
      now: nowIso(),
      newId: createId,
    });
  }, [stage, mapping, charter, data, workspace, createCustomers]);

  const confirm = async () => {
    if (!plan) return;
    setStage({ kind: 'importing' });
    const current = workspace.toBackup(nowIso());
    const merged = planImport(current, applyRecordImport(current, plan), 'replace');
    if (!merged.ok) {
      setStage({
        kind: 'failed',
        message: merged.errors.map((e) => `${e.path || t('errors.wholeFile')}: ${tm(e.message)}`).join('; '),
      });
      return;
    }
    const result = await workspace.importPlan(merged.backup);
    if (result.ok)
      setStage({ kind: 'done', records: plan.records.length, customers: plan.newCustomers.length });
    else
      setStage({
        kind: 'failed',
        message:
          result.reason === 'invalid'
            ? result.errors.map((e) => `${e.path || t('errors.wholeFile')}: ${tm(e.message)}`).join('; ')
            : result.reason === 'newer-version'
              ? t('backup.newer')
              : t(`storage.${result.failure}`),
      });
  };

  const problems = (list: readonly CsvProblem[]) => (
    <ul className="error-list">
      {list.slice(0, SHOWN_PROBLEMS).map((p, i) => (
        <li key={i}>{tm(describeCsvProblem(p))}</li>
      ))}
    </ul>
  );

  const setField = (field: ImportField, value: string) =>
    setMapping((m) => (m ? { ...m, [field]: value === '' ? null : Number(value) } : m));

  const writes = plan ? plan.records.length + plan.newCustomers.length : 0;
  const charterOptions = charters.map((c) => [c.id, c.title || t('csv.untitled')] as const);

  return (
    <section aria-labelledby={`${ids}-title`} className="form">
      <h2 id={`${ids}-title`}>{t('csv.title')}</h2>
      <p>{t('csv.intro')}</p>

      <SelectField
        id={`${ids}-export-charter`}
        label={t('csv.exportCharter')}
        options={[['', t('csv.allCharters')], ...charterOptions]}
        value={exportCharter}
        onChange={(e) => setExportCharter(e.target.value)}
      />
      <div className="toolbar">
        <button type="button" className="button" onClick={exportRecords}>
          {t('csv.export')}
        </button>
      </div>

      <TextField
        id={`${ids}-file`}
        type="file"
        label={t('csv.chooseFile')}
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        onChange={(e) => void choose(e)}
      />
      <div role="status">
        {stage.kind === 'reading' && t('csv.reading')}
        {stage.kind === 'importing' && t('csv.importing')}
        {stage.kind === 'done' &&
          t('csv.done', { records: formatNumber(stage.records), customers: formatNumber(stage.customers) })}
        {stage.kind === 'cancelled' && t('csv.cancelled')}
      </div>
      {stage.kind === 'unreadable' && (
        <div role="alert">
          <p className="field__error">{t('csv.unreadable')}</p>
          {problems(stage.problems)}
        </div>
      )}
      {stage.kind === 'failed' && (
        <p role="alert" className="field__error">
          {t('csv.failed', { reason: stage.message })}
        </p>
      )}

      {stage.kind === 'ready' && mapping && (
        <>
          {charter ? (
            <SelectField
              id={`${ids}-charter`}
              label={t('csv.importCharter')}
              options={charterOptions}
              value={charter.id}
              onChange={(e) => setChosenCharter(e.target.value)}
            />
          ) : (
            <p role="alert" className="field__error">
              {t('csv.noCharters')}
            </p>
          )}
          <fieldset className="choices">
            <legend>{t('csv.mapping')}</legend>
            <p className="field__hint">{t('csv.mappingIntro')}</p>
            {IMPORT_FIELDS.map((field) => (
              <SelectField
                key={field}
                id={`${ids}-map-${field}`}
                label={t(`csv.fields.${field}`)}
                options={[
                  ['', t('csv.notUsed')],
                  ...stage.table.header.map(
                    (name, i) => [String(i), t('csv.column', { number: i + 1, name: name || '—' })] as const,
                  ),
                ]}
                value={mapping[field] ?? ''}
                onChange={(e) => setField(field, e.target.value)}
              />
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={createCustomers}
              onChange={(e) => setCreateCustomers(e.target.checked)}
            />{' '}
            {t('csv.createCustomers')}
          </label>

          {plan && (
            <section aria-labelledby={`${ids}-preview`}>
              <h3 id={`${ids}-preview`}>{t('csv.preview', { file: stage.fileName })}</h3>
              {plan.mappingProblems.length > 0 ? (
                <div role="alert">{problems(plan.mappingProblems)}</div>
              ) : (
                <>
                  <ul aria-label={t('csv.countsLabel')}>
                    <li>{t('csv.counts.rows', { count: formatNumber(plan.counts.rows) })}</li>
                    <li>{t('csv.counts.added', { count: formatNumber(plan.counts.added) })}</li>
                    <li>{t('csv.counts.updated', { count: formatNumber(plan.counts.updated) })}</li>
                    <li>{t('csv.counts.unchanged', { count: formatNumber(plan.counts.unchanged) })}</li>
                    <li>{t('csv.counts.invalid', { count: formatNumber(plan.counts.invalid) })}</li>
                    <li>{t('csv.counts.newCustomers', { count: formatNumber(plan.counts.newCustomers) })}</li>
                  </ul>
                  {plan.errors.length > 0 && (
                    <div>
                      <p className="field__error">
                        {t('csv.problems', {
                          shown: formatNumber(Math.min(SHOWN_PROBLEMS, plan.errors.length)),
                          count: formatNumber(plan.errors.length),
                        })}
                      </p>
                      {problems(plan.errors)}
                      <p className="note">{t('csv.validOnlyNote')}</p>
                    </div>
                  )}
                  {writes === 0 && <p>{t('csv.nothingToImport')}</p>}
                </>
              )}
              <div className="toolbar">
                {plan.mappingProblems.length === 0 && writes > 0 && (
                  <button type="button" className="button button--primary" onClick={() => void confirm()}>
                    {plan.counts.invalid > 0
                      ? t('csv.confirmValid', { count: formatNumber(plan.counts.rows - plan.counts.invalid) })
                      : t('csv.confirmAll', { count: formatNumber(plan.records.length) })}
                  </button>
                )}
                <button type="button" className="button" onClick={() => setStage({ kind: 'cancelled' })}>
                  {t('csv.cancel')}
                </button>
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}
