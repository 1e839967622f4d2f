/**
 * The token a reset link carries in its fragment (`#token=…`), which browsers never send to
 * a server. Read once, then taken out of the address bar so it is not left in history.
 */
export function takeTokenFromFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}
