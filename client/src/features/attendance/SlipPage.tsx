import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipStatement } from '../../../../shared/api/attendance.ts';
import { Page } from '../../components/Page.tsx';
import { QrCode } from './QrCode.tsx';
import { qrMatrix } from './qr.ts';
import { StatementDetails, useStatementRows } from './StatementDetails.tsx';
import { readStatement, slipFromAddress, verificationLink } from './slip.ts';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}

/**
 * `/attendance/slip#<slip>`: the participant's own slip, read from the fragment (never sent
 * to a server), to print or save as PDF. It is shown unverified: it is theirs, just signed.
 */
export function SlipPage() {
  const { t } = useTranslation();
  const hash = useHash();
  const slip = slipFromAddress('', hash);
  const statement = slip ? readStatement(slip) : null;
  return (
    <Page title={t('attendance.slip.title')} narrow>
      {!slip && (
        <p role="alert">{t(hash ? 'attendance.slip.unreadable' : 'attendance.slip.missing')}</p>
      )}
      {slip && !statement && <p role="alert">{t('attendance.slip.unreadable')}</p>}
      {slip && statement && <PrintableSlip slip={slip} statement={statement} />}
    </Page>
  );
}

function PrintableSlip({ slip, statement }: { slip: string; statement: SlipStatement }) {
  const { t } = useTranslation();
  const link = verificationLink(window.location.origin, slip);
  const rows = useStatementRows(statement);
  const matrix = useMemo(() => qrMatrix(link), [link]);
  const [pdf, setPdf] = useState<'idle' | 'preparing' | 'failed'>('idle');

  const download = async () => {
    setPdf('preparing');
    try {
      const { buildSlipPdf, downloadBytes } = await import('./pdf.ts');
      const bytes = await buildSlipPdf({
        heading: t('attendance.slip.heading'),
        declaration: t('attendance.slip.declaration'),
        rows,
        verifyAt: t('attendance.slip.verifyAt'),
        link,
        qr: matrix,
      });
      downloadBytes(bytes, `${t('attendance.slip.fileName')}-${statement.date}.pdf`);
      setPdf('idle');
    } catch {
      setPdf('failed');
    }
  };

  const preparing = pdf === 'preparing';
  const failed = pdf === 'failed';
  return (
    <>
      <p className="slip-privacy no-print">{t('attendance.slip.privacy')}</p>
      <div className="slip-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('attendance.slip.print')}
        </button>
        <button type="button" onClick={() => void download()} disabled={preparing}>
          {t('attendance.slip.download')}
        </button>
      </div>
      <p role="status" className="no-print">
        {preparing ? t('attendance.slip.preparing') : ''}
      </p>
      {failed && (
        <p role="alert" className="no-print">
          {t('attendance.slip.pdfFailed')}
        </p>
      )}
      <article className="attendance-slip" aria-labelledby="slip-heading">
        <h2 id="slip-heading">{t('attendance.slip.heading')}</h2>
        <p>{t('attendance.slip.declaration')}</p>
        <StatementDetails statement={statement} />
        <div className="slip-verify">
          <QrCode text={link} label={t('attendance.slip.qr')} />
          <p>
            {t('attendance.slip.verifyAt')}
            <br />
            <a className="slip-link" href={link}>
              {link}
            </a>
          </p>
        </div>
      </article>
    </>
  );
}
