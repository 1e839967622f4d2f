import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge } from '../../../components/PointBadge.tsx';
import { useViewerTime } from '../../../i18n/dates.ts';
import { useHavenStore } from '../../../store/index.ts';
import { PrintButton } from '../components.tsx';
import { useProgrammeData } from '../data.ts';
import { languageName } from '../format.ts';
import { PROGRAMME_PATHS, publicationPath } from '../paths.ts';
import { Blocks } from './Blocks.tsx';
import { readingMinutes } from './blocks.ts';

/**
 * One publication, rendered from its blocks. The content is in the publication's own
 * language (marked with `lang`); the page around it speaks the reader's.
 */
export function PublicationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams<{ slug: string }>();
  const uiLanguage = useHavenStore((s) => s.language);
  const when = useViewerTime();
  const { state, reload } = useProgrammeData(`publication:${slug}`, (api) => api.publication(slug));
  const publication = state.status === 'ready' ? state.data : null;
  const notFound = state.status === 'failed' && state.error === 'NOT_FOUND';
  const failed = state.status === 'failed' && !notFound;
  const loading = state.status === 'loading';

  return (
    <div lang={publication?.language} className="programme-printable">
      <Page
        title={
          publication?.title ??
          (notFound ? t('programme.library.notFoundTitle') : t('sections.library.title'))
        }
      >
        <div lang={uiLanguage}>
          <p className="no-print back-link">
            <Link href={PROGRAMME_PATHS.library}>{t('programme.library.back')}</Link>
          </p>
          {loading && <Loading />}
          {failed && <LoadFailed error={state.error} onRetry={reload} />}
          {notFound && <p>{t('programme.library.notFound')}</p>}
        </div>
        {publication && (
          <>
            <div lang={uiLanguage} className="publication-meta">
              <p className="card-meta">
                <span className="badge">
                  {t(`programme.library.kindOptions.${publication.kind}`)}
                </span>
                <PointBadge point={publication.point} look="label" />
                <span>
                  {t('programme.library.readingTime', {
                    minutes: readingMinutes(publication.body),
                  })}
                </span>
                <span>
                  {t('programme.library.updated', {
                    date: when.date(publication.updatedAt),
                  })}
                </span>
              </p>
              <div className="page-actions no-print">
                <PrintButton />
                {publication.translations.map((translation) => (
                  <Link key={translation.slug} href={publicationPath(translation.slug)}>
                    {t('programme.library.readIn', {
                      language: languageName(translation.language, uiLanguage),
                    })}
                  </Link>
                ))}
              </div>
            </div>
            <article className="publication">
              <p className="publication-summary">{publication.summary}</p>
              <Blocks blocks={publication.body} />
            </article>
            <p lang={uiLanguage} className="print-only print-source">
              {t('programme.library.printedFrom', { address: window.location.href })}
            </p>
          </>
        )}
      </Page>
    </div>
  );
}
