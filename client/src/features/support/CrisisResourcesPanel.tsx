import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHavenStore } from '../../store/index.ts';
import { useResources } from './data.ts';
import {
  type CrisisLineView,
  countryName,
  dialHref,
  languageNames,
  safeHttpsUrl,
} from './model.ts';
import './support.css';

/**
 * The crisis and helpline services for a country (null: the general list), from the public
 * route, so it works signed out and can sit in the live meeting room's side panel. Whatever
 * happens (loading, failure, nothing listed) it says to call the local emergency number.
 */
export function CrisisResourcesPanel({
  country,
  headingLevel = 2,
}: {
  country: string | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  const { state, reload } = useResources(country);
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const name = country ? countryName(country, language) : null;
  const data = state.status === 'ready' ? state.data : null;
  const loading = state.status === 'loading';
  const failed = state.status === 'failed';
  return (
    <section className="panel crisis-panel" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('support.panel.heading')}</Heading>
      <p className="crisis-emergency">{t('support.panel.emergency')}</p>
      <p>{t('support.panel.intro')}</p>
      <SubHeading>
        {name && !data?.fallback
          ? t('support.panel.forCountry', { country: name })
          : t('support.panel.general')}
      </SubHeading>
      <div aria-live="polite">
        {loading && <p role="status">{t('support.panel.loading')}</p>}
        {failed && (
          <div role="alert">
            <p>{t('support.panel.failed')}</p>
            <button type="button" className="secondary" onClick={reload}>
              {t('loadStatus.retry')}
            </button>
          </div>
        )}
        {data?.fallback && name && (
          <p className="crisis-fallback">{t('support.panel.fallback', { country: name })}</p>
        )}
        {data && data.crisisLines.length === 0 && <p>{t('support.panel.none')}</p>}
      </div>
      {data && data.crisisLines.length > 0 && (
        <ul className="crisis-lines">
          {data.crisisLines.map((line, index) => (
            // Lines have no id; their place in the admin's order is their identity here.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never edited in place.
            <li key={index}>
              <CrisisLineCard line={line} language={language} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CrisisLineCard({ line, language }: { line: CrisisLineView; language: string }) {
  const { t } = useTranslation();
  const url = safeHttpsUrl(line.url);
  return (
    <article className={`crisis-line${line.example ? ' crisis-line-example' : ''}`}>
      <p className="crisis-line-name">
        <strong>{line.name}</strong>
        {line.example && <span className="crisis-example-badge">{t('support.panel.example')}</span>}
      </p>
      {line.example && <p className="crisis-example-note">{t('support.panel.exampleNote')}</p>}
      {line.description && <p>{line.description}</p>}
      {line.hours && <p>{t('support.panel.hours', { hours: line.hours })}</p>}
      {line.languages && line.languages.length > 0 && (
        <p>
          {t('support.panel.languages', { languages: languageNames(line.languages, language) })}
        </p>
      )}
      <p className="crisis-actions">
        {line.phone && (
          <a className="button-link" href={dialHref('tel', line.phone)}>
            {t('support.panel.call', { number: line.phone })}
          </a>
        )}
        {line.sms && (
          <a className="button-link crisis-secondary" href={dialHref('sms', line.sms)}>
            {t('support.panel.text', { number: line.sms })}
          </a>
        )}
        {url && (
          <a
            className="button-link crisis-secondary"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('support.panel.websiteOf', { name: line.name })}
          >
            {t('support.panel.website')}
          </a>
        )}
      </p>
    </article>
  );
}
