import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** A point of the 4-Point Program. */
export type ProgramPoint = 1 | 2 | 3 | 4;

export const PROGRAM_POINTS = [1, 2, 3, 4] as const satisfies readonly ProgramPoint[];

/** The points' own names, as the landing page introduces them. */
const NAME_KEYS = {
  1: 'program.motivation.title',
  2: 'program.urges.title',
  3: 'program.thoughts.title',
  4: 'program.balance.title',
} as const;

export function isProgramPoint(value: unknown): value is ProgramPoint {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * "Point 2: Coping with Urges"; for anything not tied to one point (`null`), "The whole
 * programme". Also for choices in a select, where a component cannot go.
 */
export function pointName(t: TFunction, point: ProgramPoint | null): string {
  if (point === null) return t('program.whole');
  return t('program.pointName', { number: point, name: t(NAME_KEYS[point]) });
}

/**
 * The point something belongs to, in words (never colour alone): a `badge` (an outlined pill
 * with the point's colour, among a card's other badges) or a bold `label` (in a heading or
 * a line of details). Styles in styles/components.css.
 */
export function PointBadge({
  point,
  look = 'badge',
}: {
  /** Anything but 1-4 (null: a publication for the whole programme) reads "The whole programme". */
  point: number | null;
  look?: 'badge' | 'label';
}) {
  const { t } = useTranslation();
  const known = isProgramPoint(point) ? point : null;
  return (
    <span
      className={look === 'badge' ? 'point-badge' : 'point-label'}
      data-point={known ?? 'general'}
    >
      {pointName(t, known)}
    </span>
  );
}
