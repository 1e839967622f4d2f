import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionProgress } from '../../../../../shared/training/course-progress.ts';
import { itemResultOf } from '../course-progress-view.ts';

/**
 * One version's items: how many of its learners completed each, and a quiz's pass rate or a
 * written exercise's answers approved and waiting. Numbers only: nobody is named. The item's
 * title is the row header; on a narrow screen the table scrolls sideways inside its own
 * labelled region, reachable by keyboard, and the page does not.
 */
export function CourseProgressTable({ version }: { version: VersionProgress }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const rows = version.items.map((item) => {
    const result = itemResultOf(item);
    return {
      item,
      kind: t(`training.kind.${item.kind}`),
      completed: t('training.courseProgress.completedOf', {
        done: item.completed,
        total: version.learners.started,
      }),
      result: t(`training.courseProgress.result.${result.key}`, {
        ...result.values,
        ...('rate' in result.values ? { rate: number.format(result.values.rate) } : {}),
      }),
    };
  });
  return (
    <section
      className="training-table-scroll"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="training-table">
        <caption id={captionId}>
          {t('training.courseProgress.caption', { version: version.version })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('training.courseProgress.columns.item')}</th>
            <th scope="col">{t('training.courseProgress.columns.kind')}</th>
            <th scope="col">{t('training.courseProgress.columns.completed')}</th>
            <th scope="col">{t('training.courseProgress.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.item.key}>
              <th scope="row">
                {row.item.title}
                <span className="training-meta training-progress-module">
                  {row.item.moduleTitle}
                </span>
              </th>
              <td>{row.kind}</td>
              <td>{row.completed}</td>
              <td>{row.result}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
