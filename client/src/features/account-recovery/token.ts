/**
 * The token a reset link carries in its fragment (`#token=…`), which browsers never send to
 * a server.
 */
export function tokenFromFragment(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

/** Once read, the token leaves the address bar, so it is not left in the history. */
export function dropFragment(): void {
  if (window.location.hash)
    window.history.replaceState(window.history.state, '', window.location.pathname);
}
