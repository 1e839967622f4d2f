import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { useHavenStore } from '../../../store/index.ts';
import { usePagedData } from '../data.ts';
import { placeName } from '../format.ts';
import { PROGRAMME_PATHS, partnerPath } from '../paths.ts';

/** Partner organisations: care and treatment providers running meetings in their services. */
export function PartnersPage() {
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  const list = usePagedData('partners', (api, cursor) => api.partners(cursor));
  const ready = list.status === 'ready';
  const empty = ready && list.items.length === 0;

  return (
    <Page title={t('sections.partners.title')} intro={t('programme.partners.intro')}>
      <div className="prose-block">
        <p>{t('programme.partners.how')}</p>
        <p>{t('programme.partners.peerLed')}</p>
      </div>
      {list.loading && <Loading />}
      {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {empty && <EmptyPanel text={t('programme.partners.empty')} />}
      {ready && list.items.length > 0 && (
        <ul className="card-grid programme-cards">
          {list.items.map((partner) => (
            <li key={partner.id} className="card partner-card">
              <h2 className="card-title">
                <Link href={partnerPath(partner.id)}>{partner.name}</Link>
              </h2>
              <p className="list-meta">{placeName(partner.area, language)}</p>
              <p className="clamp">{partner.description}</p>
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
      <p className="form-aside">
        {t('programme.partners.join')}{' '}
        <Link href={PROGRAMME_PATHS.collaborate}>{t('programme.partners.joinLink')}</Link>
      </p>
    </Page>
  );
}
