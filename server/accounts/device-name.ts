import Bowser from 'bowser';

export interface DeviceName {
  browser: string;
  os: string;
}

const clip = (text: string) => text.slice(0, 60);

/**
 * What a member's list of sessions names a session by: "Firefox" on "Android". Only these
 * two names are kept, never the user agent itself (it narrows down who someone is).
 */
export function deviceName(userAgent: string | undefined): DeviceName {
  if (!userAgent) return { browser: '', os: '' };
  try {
    const parsed = Bowser.getParser(userAgent.slice(0, 1000));
    return { browser: clip(parsed.getBrowserName() ?? ''), os: clip(parsed.getOSName() ?? '') };
  } catch {
    return { browser: '', os: '' };
  }
}
