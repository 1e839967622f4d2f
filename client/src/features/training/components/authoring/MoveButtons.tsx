import { useTranslation } from 'react-i18next';

/**
 * "Move up" and "Move down" for one entry, named with what they move ("Move up: Breathing"). At either end the
 * button stays focusable and says it cannot move (aria-disabled), so a keyboard user who
 * moved something to the top does not lose their place.
 */
export function MoveButtons({
  name,
  focusId,
  first,
  last,
  onMove,
}: {
  /** What moves, read out after "Move up:". */
  name: string;
  /** Marks the buttons so the editor can put focus back on them after the move. */
  focusId: string;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="small"
        data-focus={`${focusId}-up`}
        aria-disabled={first || undefined}
        aria-label={t('training.authoring.moveUpNamed', { name })}
        onClick={() => !first && onMove(-1)}
      >
        {t('training.authoring.moveUp')}
      </button>
      <button
        type="button"
        className="small"
        data-focus={`${focusId}-down`}
        aria-disabled={last || undefined}
        aria-label={t('training.authoring.moveDownNamed', { name })}
        onClick={() => !last && onMove(1)}
      >
        {t('training.authoring.moveDown')}
      </button>
    </>
  );
}
