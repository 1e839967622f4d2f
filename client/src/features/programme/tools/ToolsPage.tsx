import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge } from '../../../components/PointBadge.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { useViewerTime } from '../../../i18n/dates.ts';
import { TOOL_POINTS, TOOLS } from '../constants.ts';
import { usePagedData } from '../data.ts';
import { useNotice } from '../notice.ts';
import { newWorksheetPath, PROGRAMME_PATHS, worksheetPath } from '../paths.ts';

/** The member's private worksheets, and the four tools to start a new one from. */
export function ToolsPage() {
  const { t } = useTranslation();
  const notice = useNotice(PROGRAMME_PATHS.tools);
  return (
    <Page title={t('sections.tools.title')} intro={t('programme.tools.intro')}>
      {notice && (
        <p className="flash" role="status">
          {t(`programme.notices.${notice}`)}
        </p>
      )}
      <MembersOnly text={t('programme.tools.signedOut')}>
        {(user) => <MyTools key={user.id} />}
      </MembersOnly>
    </Page>
  );
}

function MyTools() {
  const { t } = useTranslation();
  const startId = useId();
  const mineId = useId();
  const when = useViewerTime();
  const list = usePagedData('worksheets', (api, cursor) => api.worksheets(cursor));

  const ready = list.status === 'ready';
  const none = ready && list.items.length === 0;
  return (
    <>
      <div className="privacy-note">
        <p className="privacy-note-title">{t('programme.tools.privateTitle')}</p>
        <p>{t('programme.tools.privateText')}</p>
      </div>

      <section className="programme-group" aria-labelledby={mineId}>
        <h2 id={mineId}>{t('programme.tools.mine')}</h2>
        {list.loading && <Loading />}
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {none && <p>{t('programme.tools.none')}</p>}
        {ready && list.items.length > 0 && (
          <ul className="programme-list">
            {list.items.map((worksheet) => (
              <li key={worksheet.id}>
                <Link href={worksheetPath(worksheet.id)}>
                  {worksheet.title ?? t(`programme.tools.names.${worksheet.tool}`)}
                </Link>
                <span className="list-meta">
                  {t('programme.tools.listMeta', {
                    tool: t(`programme.tools.names.${worksheet.tool}`),
                    date: when.date(worksheet.updatedAt),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <ShowMore
          hasMore={list.hasMore}
          busy={list.loadingMore}
          error={list.moreError}
          onMore={() => void list.loadMore()}
        />
      </section>

      <section className="programme-group" aria-labelledby={startId}>
        <h2 id={startId}>{t('programme.tools.start')}</h2>
        <p className="section-intro">{t('programme.tools.startIntro')}</p>
        <ul className="card-grid programme-cards">
          {TOOLS.map((tool) => (
            <li key={tool} className="card tool-card">
              <h3 className="card-title">{t(`programme.tools.names.${tool}`)}</h3>
              <p className="card-meta">
                <PointBadge point={TOOL_POINTS[tool]} look="label" />
              </p>
              <p>{t(`programme.tools.about.${tool}`)}</p>
              {/* Opens an unsaved editor: the worksheet is created on its first save. */}
              <Link className="button-link" href={newWorksheetPath(tool)}>
                {t('programme.tools.startOne', { tool: t(`programme.tools.names.${tool}`) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
