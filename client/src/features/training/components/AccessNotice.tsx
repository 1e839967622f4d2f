import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { coursePath } from '../paths.ts';

/**
 * Why the learner may not take a course's items yet, in words: a track they do not belong
 * to, or prerequisites not completed (named and linked when their titles are known).
 */
export function AccessNotice({
  reason,
  missing,
  titles,
}: {
  reason: 'track' | 'prerequisites' | 'unpublished' | null;
  missing: readonly string[];
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const prerequisites = reason === 'prerequisites' || (reason === null && missing.length > 0);
  const track = reason === 'track';
  const unpublished = reason === 'unpublished';
  return (
    <div className="panel training-access" role="alert">
      {prerequisites && (
        <>
          <p>{t('training.access.prerequisites')}</p>
          <ul>
            {missing.map((id) => (
              <li key={id}>
                <Link href={coursePath(id)}>
                  {titles.get(id) ?? t('training.access.unknownCourse')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {track && <p>{t('training.access.track')}</p>}
      {unpublished && <p>{t('training.access.unpublished')}</p>}
    </div>
  );
}
