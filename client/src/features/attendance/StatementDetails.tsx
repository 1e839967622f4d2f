import { useTranslation } from 'react-i18next';
import type { SlipStatement } from '../../../../shared/api/attendance.ts';
import { formatIssuedAt, formatSlipDate } from './slip.ts';

/** What a slip states, as label/value pairs (shared by the slip and the verification page). */
export function useStatementRows(statement: SlipStatement): Array<[string, string]> {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return [
    [t('attendance.statement.name'), statement.name],
    [t('attendance.statement.meeting'), statement.meetingTitle],
    [t('attendance.statement.type'), t(`attendance.types.${statement.meetingType}`)],
    [t('attendance.statement.date'), formatSlipDate(statement.date, language)],
    [
      t('attendance.statement.minutes'),
      t('attendance.statement.minutesValue', { count: statement.minutes }),
    ],
    [t('attendance.statement.issuedAt'), formatIssuedAt(statement.issuedAt, language)],
    [t('attendance.statement.id'), statement.id],
  ];
}

export function StatementDetails({ statement }: { statement: SlipStatement }) {
  const rows = useStatementRows(statement);
  return (
    <dl className="slip-statement">
      {rows.map(([label, value]) => (
        <div key={label} className="slip-statement-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
