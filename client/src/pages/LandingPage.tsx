import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ServiceStatus } from '../components/ServiceStatus.tsx';
import { PATHS, SECTIONS, sectionPath } from '../routes.ts';
import { useDocumentTitle } from '../routing/navigation.ts';

const ABOUT = ['peers', 'community', 'science'] as const;
const PRIVACY = ['noRecording', 'chatNotStored', 'pseudonym'] as const;
const PROGRAM = ['motivation', 'urges', 'thoughts', 'balance'] as const;

export function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(null);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">{t('hero.title')}</h1>
          <p className="lead">{t('hero.lead')}</p>
          {/* Finding a meeting is why most people come: it is the first thing to do here. */}
          <p className="hero-actions">
            <Link className="button-link hero-primary" href={sectionPath('meetings')}>
              {t('hero.findMeeting')}
            </Link>
            <Link href={PATHS.signUp}>{t('hero.join')}</Link>
          </p>
          <p>{t('hero.welcome')}</p>
          <ServiceStatus />
        </div>
      </section>

      <section id="about" className="section" aria-labelledby="about-title">
        <div className="container">
          <h2 id="about-title">{t('about.title')}</h2>
          <ul className="card-grid">
            {ABOUT.map((item) => (
              <li key={item} className="card">
                <h3>{t(`about.${item}.title`)}</h3>
                <p>{t(`about.${item}.text`)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section id="privacy" className="section privacy" aria-labelledby="privacy-title">
        <div className="container">
          <h2 id="privacy-title">{t('privacy.title')}</h2>
          <ul className="privacy-list">
            {PRIVACY.map((item) => (
              <li key={item}>
                <h3>{t(`privacy.${item}.title`)}</h3>
                <p>{t(`privacy.${item}.text`)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section id="program" className="section" aria-labelledby="program-title">
        <div className="container">
          <h2 id="program-title">{t('program.title')}</h2>
          <p className="section-intro">{t('program.intro')}</p>
          <ol className="program-list">
            {PROGRAM.map((point) => (
              <li key={point}>
                <h3>{t(`program.${point}.title`)}</h3>
                <p>{t(`program.${point}.text`)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section id="explore" className="section" aria-labelledby="explore-title">
        <div className="container">
          <h2 id="explore-title">{t('explore.title')}</h2>
          <p className="section-intro">{t('explore.intro')}</p>
          <ul className="card-grid">
            {SECTIONS.map((section) => (
              <li key={section} className="card">
                <h3>
                  <Link href={sectionPath(section)}>{t(`sections.${section}.title`)}</Link>
                </h3>
                <p>{t(`sections.${section}.text`)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
