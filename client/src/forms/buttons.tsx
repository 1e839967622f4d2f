import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form's submit button. While the form is being sent it says so and refuses a second
 * press (useForm ignores it), with aria-disabled rather than disabled, so the button keeps
 * keyboard focus and a screen reader hears the new label.
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" aria-disabled={busy || undefined}>
      {busy ? t('forms.busy') : children}
    </button>
  );
}
