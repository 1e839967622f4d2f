import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { dropFragment, tokenFromFragment } from '../account-recovery/token.ts';

export type LinkState = 'noLink' | 'working' | 'done' | 'linkDead' | 'failed';

/**
 * Reads the token from the link's fragment and sends it once: a token works once, so a
 * second run of the effect (React's development double-run, a re-render) must not send it
 * again and see it refused.
 */
export function useLinkToken(send: (token: string) => Promise<void>): LinkState {
  const [token] = useState(tokenFromFragment);
  const [state, setState] = useState<LinkState>(token ? 'working' : 'noLink');
  const sent = useRef(false);
  useEffect(dropFragment, []);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    send(token).then(
      () => setState('done'),
      (error: unknown) => {
        const refused = isApiError(error) && error.code === 'INVALID_INPUT';
        setState(refused ? 'linkDead' : 'failed');
      },
    );
  }, [token, send]);
  return state;
}
