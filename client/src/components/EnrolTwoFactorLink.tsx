import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PATHS } from '../routes.ts';

/** The account page's two-step section (TwoFactorSection.tsx), for an admin refused for want of it. */
export const TWO_FACTOR_SECTION_ID = 'two-factor';

export function EnrolTwoFactorLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link href={`${PATHS.account}#${TWO_FACTOR_SECTION_ID}`}>
        {t('loadStatus.enrolTwoFactor')}
      </Link>
    </p>
  );
}
