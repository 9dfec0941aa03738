import { useI18n } from '../lib/i18n';

/** Move up, Move down and Remove for item `index` of an ordered list of `count` items. */
export function ListItemActions({
  index,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        {t('list.moveUp')}
      </button>
      <button
        type="button"
        className="button"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        {t('list.moveDown')}
      </button>
      <button type="button" className="button button--danger" onClick={() => onRemove(index)}>
        {t('list.remove')}
      </button>
    </>
  );
}
