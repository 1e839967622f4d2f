import { useTranslation } from 'react-i18next';
import type { ProposalState } from '../../../../shared/api/programme/proposals.ts';

/** A proposal's state in words (never colour alone). */
export function StateBadge({ state }: { state: ProposalState }) {
  const { t } = useTranslation();
  return (
    <span className="badge state-badge" data-state={state}>
      {t(`programme.proposals.states.${state}`)}
    </span>
  );
}

/** Prints the page; the print stylesheet keeps only what is worth having on paper. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      {t('programme.common.print')}
    </button>
  );
}
