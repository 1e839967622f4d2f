import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { training } from '../api.ts';
import { formatIsoDate, groupCode } from '../certificates.ts';
import { useLoad } from '../hooks.ts';

/** `/certificates/verify/:code`: public; only the name, the course and the date. */
export function VerifyCertificatePage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams<{ code: string }>();
  const { state, reload } = useLoad(code, () => training.verify(code));
  const answer = state.status === 'ready' ? state.data : null;
  const failed = state.status === 'failed' ? state : null;
  // A code that is not even shaped like one is simply not a valid certificate.
  const malformed = failed?.code === 'INVALID_INPUT' || failed?.code === 'NOT_FOUND';
  const valid = answer?.valid ? answer.certificate : null;
  const checking = state.status === 'loading';
  const invalid = (answer !== null && !answer.valid) || malformed;
  return (
    <Page title={t('training.verify.title')} narrow>
      <p>{t('training.verify.code', { code: groupCode(code.toUpperCase()) })}</p>
      {checking && <Loading text={t('training.verify.checking')} />}
      {failed && !malformed && <LoadFailed error={failed.code} onRetry={reload} />}
      {valid && (
        <section className="panel training-verify-valid" aria-labelledby="verify-result">
          <h2 id="verify-result">{t('training.verify.valid')}</h2>
          <dl className="training-verify-details">
            <dt>{t('training.verify.name')}</dt>
            <dd>{valid.nameOnCertificate}</dd>
            <dt>{t('training.verify.course')}</dt>
            <dd>{valid.courseTitle}</dd>
            <dt>{t('training.verify.date')}</dt>
            <dd>{formatIsoDate(valid.issuedOn, i18n.language)}</dd>
          </dl>
        </section>
      )}
      {invalid && (
        <section className="panel training-verify-invalid" aria-labelledby="verify-result">
          <h2 id="verify-result">{t('training.verify.invalid')}</h2>
          <p>{t('training.verify.invalidText')}</p>
        </section>
      )}
    </Page>
  );
}
