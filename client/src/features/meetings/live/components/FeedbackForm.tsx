import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELPED, type Helped } from '../../../../../../shared/meetings/feedback.ts';
import { CheckField, FormAlert, RadioGroup } from '../../../../forms/fields.tsx';
import { errorMessageKey } from '../../../../i18n/index.ts';
import { useLiveClient } from '../live-context.ts';
import { codeOf } from '../signalling.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/**
 * "How was this meeting for you?" on the way out: a rating and what helped, both optional to
 * give at all. Only totals per meeting are kept; nothing says who chose what.
 */
export function FeedbackForm() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const [rating, setRating] = useState<(typeof RATINGS)[number] | ''>('');
  const [helped, setHelped] = useState<Helped[]>([]);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating || busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.rate({ rating: Number(rating), helped });
      setSent(true);
    } catch (failure) {
      setError(t(errorMessageKey(codeOf(failure))));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className="live-feedback">
      <h2 id={headingId}>{t('live.feedback.title')}</h2>
      <div role="status">{sent && <p>{t('live.feedback.thanks')}</p>}</div>
      {!sent && (
        <form className="form" onSubmit={(e) => void send(e)}>
          <FormAlert message={error} />
          <p className="field-hint">{t('live.feedback.intro')}</p>
          <RadioGroup
            legend={t('live.feedback.rating')}
            name="rating"
            value={rating}
            choices={RATINGS.map((value) => ({
              value,
              label: t(`live.feedback.ratings.${value}`),
            }))}
            onChange={setRating}
          />
          <fieldset className="fieldset">
            <legend>{t('live.feedback.helped')}</legend>
            {HELPED.map((what) => (
              <CheckField
                key={what}
                label={t(`live.feedback.what.${what}`)}
                checked={helped.includes(what)}
                onChange={(on) =>
                  setHelped((now) => (on ? [...now, what] : now.filter((h) => h !== what)))
                }
              />
            ))}
          </fieldset>
          <button type="submit" aria-disabled={!rating || busy || undefined}>
            {t('live.feedback.send')}
          </button>
        </form>
      )}
    </section>
  );
}
