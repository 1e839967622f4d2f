import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CertificateView } from '../../../../../shared/training/credentials.ts';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { training } from '../api.ts';
import { formatIsoDate, groupCode } from '../certificates.ts';
import { CertificateChoices } from '../components/CertificateChoices.tsx';
import { useLoad } from '../hooks.ts';
import { certificatePdfUrl, TRAINING_PATHS, verifyPath } from '../paths.ts';

/** `/training/certificates`: the member's certificates, printable, each with its PDF. */
export function CertificatesPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('training.certificates.title')} text={t('training.signedOut')}>
      {() => <Certificates />}
    </MembersOnly>
  );
}

function Certificates() {
  const { t } = useTranslation();
  const { state, reload, refresh } = useLoad('certificates', () => training.certificates());
  // The one certificate being printed ("Print this certificate"), or null for all of them.
  const [printing, setPrinting] = useState<string | null>(null);
  useEffect(() => {
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  const print = (code: string | null) => {
    flushSync(() => setPrinting(code));
    window.print();
  };
  const failed = state.status === 'failed' ? state : null;
  const list = state.status === 'ready' ? state.data : null;
  const none = list !== null && list.length === 0;
  const some = list !== null && list.length > 0;
  return (
    <Page title={t('training.certificates.title')} intro={t('training.certificates.intro')}>
      <p className="no-print">
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
      </p>
      {!list && !failed && <Loading />}
      {failed && <LoadFailed error={failed.code} onRetry={reload} />}
      {none && <EmptyPanel text={t('training.certificates.none')} />}
      {some && (
        <p className="no-print">
          <button type="button" onClick={() => print(null)}>
            {t('training.certificates.print')}
          </button>
        </p>
      )}
      <ul className="training-certificates">
        {(list ?? []).map((certificate) => (
          <Certificate
            key={certificate.code}
            certificate={certificate}
            skipped={printing !== null && printing !== certificate.code}
            onPrint={() => print(certificate.code)}
            onChanged={() => void refresh()}
          />
        ))}
      </ul>
    </Page>
  );
}

function Certificate({
  certificate,
  skipped,
  onPrint,
  onChanged,
}: {
  certificate: CertificateView;
  /** Another certificate is being printed on its own: this one stays off the paper. */
  skipped: boolean;
  onPrint: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `certificate-${certificate.code}`;
  return (
    <li
      className={`training-certificate${skipped ? ' training-print-skip' : ''}`}
      aria-labelledby={headingId}
    >
      <p className="training-certificate-kicker">{t('training.certificates.kicker')}</p>
      <h2 id={headingId} lang={certificate.language}>
        {certificate.courseTitle}
      </h2>
      <p>{t('training.certificates.awardedTo')}</p>
      <p className="training-certificate-name">{certificate.nameOnCertificate}</p>
      <p>
        {t('training.certificates.issuedOn', {
          date: formatIsoDate(certificate.issuedOn, i18n.language),
        })}
      </p>
      <p>
        {t('training.certificates.code')} <code>{groupCode(certificate.code)}</code>
      </p>
      <p className="link-row no-print">
        <a href={certificatePdfUrl(certificate.code)} download>
          {t('training.certificates.pdf', { title: certificate.courseTitle })}
        </a>
        <Link href={verifyPath(certificate.code)}>{t('training.certificates.verify')}</Link>
      </p>
      <p className="no-print">
        <button
          type="button"
          className="secondary"
          aria-label={t('training.certificateChoices.printOneFor', {
            title: certificate.courseTitle,
          })}
          onClick={onPrint}
        >
          {t('training.certificateChoices.printOne')}
        </button>
      </p>
      <CertificateChoices certificate={certificate} onChanged={onChanged} />
    </li>
  );
}
