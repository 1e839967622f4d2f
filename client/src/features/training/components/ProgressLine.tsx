import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { progressFigures } from '../logic.ts';

/** "1.5 of 3 hours (50%)" and a bar that shows the same, named by that text. */
export function ProgressLine({
  minutesDone,
  plannedMinutes,
  variant = 'hours',
}: {
  minutesDone: number;
  plannedMinutes: number;
  variant?: 'hours' | 'facilitator';
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const figures = progressFigures(minutesDone, plannedMinutes);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="training-progress">
      <p id={id} className="training-progress-text">
        {t(`training.progress.${variant}`, {
          done: number.format(figures.done),
          planned: number.format(figures.planned),
          percent: figures.percent,
        })}
      </p>
      <progress aria-labelledby={id} max={100} value={figures.percent} />
    </div>
  );
}
