import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useChatClient } from '../chat-context.ts';
import type { PendingLine } from '../chat-state.ts';
import { ReplyQuote } from './MessageItem.tsx';
import { MessageText } from './MessageText.tsx';

/** One of this member's lines on its way, or failed with Retry (same clientId) and Remove. */
export function PendingItem({ line }: { line: PendingLine }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const failed = line.status === 'failed';
  const why = line.error ? t(errorMessageKey(line.error)) : '';
  return (
    <li className="chat-line chat-mine chat-pending">
      <p className="chat-meta">
        <strong>{t('chat.you')}</strong>{' '}
        <span>{failed ? t('chat.failed') : t('chat.sending')}</span>
      </p>
      <ReplyQuote reply={line.replyTo} />
      <p className="chat-text">
        <MessageText text={line.text} />
      </p>
      {failed && (
        <div className="chat-failed" role="alert">
          <p>{why}</p>
          <button type="button" onClick={() => void client.retry(line.clientId)}>
            {t('chat.retry')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => client.discard(line.clientId)}
          >
            {t('chat.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
