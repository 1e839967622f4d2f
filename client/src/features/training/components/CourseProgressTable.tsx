import { useTranslation } from 'react-i18next';
import type { VersionProgress } from '../../../../../shared/training/course-progress.ts';
import { itemResultOf } from '../course-progress-view.ts';
import { TrainingTable } from './TrainingTable.tsx';

/**
 * One version's items: how many of its learners completed each, and a quiz's pass rate or a
 * written exercise's answers approved and waiting. Numbers only: nobody is named. The item's
 * title is the row header.
 */
export function CourseProgressTable({ version }: { version: VersionProgress }) {
  const { t, i18n } = useTranslation();
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
    <TrainingTable
      caption={t('training.courseProgress.caption', { version: version.version })}
      columns={(['item', 'kind', 'completed', 'result'] as const).map((column) =>
        t(`training.courseProgress.columns.${column}`),
      )}
    >
      <tbody>
        {rows.map((row) => (
          <tr key={row.item.key}>
            <th scope="row">
              {row.item.title}
              <span className="training-meta training-progress-module">{row.item.moduleTitle}</span>
            </th>
            <td>{row.kind}</td>
            <td>{row.completed}</td>
            <td>{row.result}</td>
          </tr>
        ))}
      </tbody>
    </TrainingTable>
  );
}
