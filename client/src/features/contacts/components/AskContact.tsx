import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../shared/chat/contacts.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useChatClient } from '../../chat/chat-context.ts';
import { chatErrorOf } from '../../chat/signalling.ts';

type Outcome = { status: Contact['status'] } | { error: ErrorCode } | null;

/**
 * "Ask … to be contacts", beside a member in a group chat's "Who is here". The answer is
 * said in the same place (a status region that is there before it speaks). A refusal says
 * only that they take no requests from this member, whatever the reason (contacts.ts).
 */
export function AskContact({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ask = () => {
    if (busy) return;
    setBusy(true);
    client
      .request('contact:request', { userId })
      .then(({ contact }) => setOutcome({ status: contact.status }))
      .catch((error: unknown) => setOutcome({ error: chatErrorOf(error).code }))
      .finally(() => setBusy(false));
  };
  let said = '';
  if (outcome && 'status' in outcome)
    said =
      outcome.status === 'contact'
        ? t('contacts.isContact', { name })
        : t('contacts.asked', { name });
  else if (outcome)
    said =
      outcome.error === 'FORBIDDEN'
        ? t('contacts.notTaking', { name })
        : t(errorMessageKey(outcome.error));
  const done = outcome !== null && 'status' in outcome;
  return (
    <span className="chat-who-ask">
      {!done && (
        <button
          type="button"
          className="link-button"
          aria-disabled={busy || undefined}
          onClick={ask}
        >
          {t('contacts.ask', { name })}
        </button>
      )}
      <span role="status">{said}</span>
    </span>
  );
}
