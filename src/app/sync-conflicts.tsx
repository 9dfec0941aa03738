import { richTextToPlain } from '../domain/rich-text/rich-text';
import type { RichTextDoc } from '../domain/rich-text/rich-text';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../lib/i18n';
import type { SyncConflict } from '../persistence/pouch-store';
import { useWorkspace, useWorkspaceState } from '../persistence/workspace-context';

// The "resolve" choice for what two devices changed differently (pouch-store.ts SyncConflict): each place
// both changed, with both versions' text side by side (stacked on phones), and a button to keep either.
// Everything else the two devices changed is already merged into both versions, so nothing else is lost.

/** The words for the top-level part of an entity a conflict path starts with. */
const partWords: Record<string, MessageKey> = {
  title: 'editor.charterTitle',
  vision: 'serviceLevel.vision',
  serviceLevel: 'steps.service-level.title',
  commitments: 'steps.commitments.title',
  checkIns: 'steps.phases.title',
  moments: 'steps.moments.title',
  recovery: 'steps.recovery.title',
  alternatives: 'steps.alternatives.title',
  afterSales: 'syncConflicts.afterSales',
  lostSale: 'afterSales.lostSale',
};

type Segment = { key: string } | { id: string };

/** `commitments[id=c1].title` → [{key: commitments}, {id: c1}, {key: title}]. */
function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[id=([^\]]+)\]/g))
    out.push(match[2] !== undefined ? { id: match[2] } : { key: match[1]! });
  return out;
}

const isRichText = (v: unknown): v is RichTextDoc =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'doc';

/**
 * The place a path names, as a user reads it: cut at a rich text (the whole text is shown) and at the
 * first item of a list (the whole item).
 */
function placeOf(path: string, value: unknown): Segment[] {
  const segments = segmentsOf(path);
  const out: Segment[] = [];
  let node: unknown = value;
  for (const segment of segments) {
    if (isRichText(node)) break;
    out.push(segment);
    if ('id' in segment) break;
    node = (node as Record<string, unknown> | undefined)?.[segment.key];
  }
  return out;
}

function valueAt(value: unknown, place: readonly Segment[]): unknown {
  let node: unknown = value;
  for (const segment of place) {
    if ('id' in segment)
      node = Array.isArray(node)
        ? (node as { id?: unknown }[]).find((item) => item.id === segment.id)
        : undefined;
    else node = (node as Record<string, unknown> | undefined | null)?.[segment.key];
  }
  return node;
}

/** The readable text of a stored value: rich text as plain text, a record as its words joined. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isRichText(value)) return richTextToPlain(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  const parts = (Array.isArray(value) ? value : Object.entries(value as object).filter(([k]) => k !== 'id'))
    .map((entry) => textOf(Array.isArray(value) ? entry : (entry as [string, unknown])[1]))
    .filter((text) => text !== '');
  return parts.join(' · ');
}

/** The conflicts' banners; nothing while there are none. */
export function SyncConflicts() {
  const { syncConflicts } = useWorkspaceState();
  if (syncConflicts.length === 0) return null;
  return (
    <>
      {syncConflicts.map((conflict) => (
        <ConflictChoice key={`${conflict.ref.collection}:${conflict.ref.id}`} conflict={conflict} />
      ))}
    </>
  );
}

function ConflictChoice({ conflict }: { conflict: SyncConflict }) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const [first, second] = conflict.versions;
  if (!first || !second) return null;
  // This device's version first when it is known.
  const ordered = second.here && !first.here ? [second, first] : [first, second];
  const known = ordered.some((v) => v.here);
  const label = (index: number) =>
    known
      ? t(index === 0 ? 'syncConflicts.thisDevice' : 'syncConflicts.otherDevice')
      : t('syncConflicts.version', { n: index + 1 });
  const keepLabel = (index: number) =>
    known
      ? t(index === 0 ? 'syncConflicts.keepThis' : 'syncConflicts.keepOther')
      : t('syncConflicts.keepVersion', { n: index + 1 });

  const value = first.value as { title?: unknown; commitments?: { id?: unknown }[] };
  const entity =
    conflict.ref.collection === 'charters' && typeof value.title === 'string' && value.title !== ''
      ? t('syncConflicts.charter', { title: value.title })
      : t('syncConflicts.item');
  const wordsOf = (place: readonly Segment[]): string => {
    const top = place[0];
    if (!top || !('key' in top)) return t('syncConflicts.otherPart');
    const part = partWords[top.key] ? t(partWords[top.key]!) : t('syncConflicts.otherPart');
    const item = place[1];
    if (top.key === 'commitments' && item && 'id' in item) {
      const index = (value.commitments ?? []).findIndex((c) => c.id === item.id);
      if (index >= 0) return t('commitments.item', { n: index + 1 });
    }
    return part;
  };
  const places = new Map<string, Segment[]>();
  for (const path of conflict.paths) {
    const place = placeOf(path, first.value);
    places.set(JSON.stringify(place), place);
  }
  const titleId = `sync-conflict-${conflict.ref.collection}-${conflict.ref.id}`;

  return (
    <section className="banner banner--warning sync-conflict" aria-labelledby={titleId}>
      <h2 className="banner__title" id={titleId}>
        {t('syncConflicts.title', { entity })}
      </h2>
      <div className="banner__body">
        <p>{t('syncConflicts.intro')}</p>
        {[...places.values()].map((place) => (
          <div className="sync-conflict__place" key={JSON.stringify(place)}>
            <h3 className="sync-conflict__part">{wordsOf(place)}</h3>
            <div className="sync-conflict__versions">
              {ordered.map((version, index) => (
                <figure className="sync-conflict__version" key={version.rev}>
                  <figcaption>{label(index)}</figcaption>
                  <blockquote>{textOf(valueAt(version.value, place)) || t('syncConflicts.empty')}</blockquote>
                </figure>
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="banner__actions">
        {ordered.map((version, index) => (
          <button
            type="button"
            className={index === 0 ? 'button button--primary' : 'button'}
            key={version.rev}
            onClick={() => void workspace.resolveSyncConflict(conflict.ref, version.rev)}
          >
            {keepLabel(index)}
          </button>
        ))}
      </div>
    </section>
  );
}
