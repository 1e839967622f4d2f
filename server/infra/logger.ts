import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Logs carry ids and event names, never what people said or who they are: these paths
 * are censored wherever they appear, as a second line of defence behind code that
 * should not log them in the first place.
 */
export const REDACTED_PATHS = [
  'email',
  'password',
  'content',
  'text',
  'message.content',
  'body',
  '*.email',
  '*.password',
  '*.content',
  '*.text',
  '*.body',
  'req.headers.cookie',
  'req.headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'haven' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * An unexpected error's message can quote what was sent (a cast error quotes the value; a
 * driver error the duplicate key). Logs keep the shape of the message, never the values.
 */
export function scrubbedMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/[^\s@"'`]+@[^\s@"'`]+/g, '[email]')
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
    .slice(0, 300);
}
