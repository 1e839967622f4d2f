/**
 * Browsers send Origin on every cross-site request and every WebSocket, so a foreign
 * Origin is refused (cross-site WebSocket hijacking would otherwise ride a member's
 * cookie). A request without Origin is a same-origin GET or a non-browser client, which
 * carries no ambient cookie risk. Same-origin is recognised from the Host header too,
 * so a server on an ephemeral port (tests, PORT=0) accepts its own pages.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  const normalised = origin.replace(/\/$/, '');
  if (allowed.includes(normalised)) return true;
  if (!host) return false;
  return normalised === `http://${host}` || normalised === `https://${host}`;
}
