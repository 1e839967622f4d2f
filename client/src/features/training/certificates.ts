/** A code in groups of four, as it is printed: ABCD EFGH IJKL MNOP. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A certificate's `YYYY-MM-DD` (UTC) in the reader's language, the same day everywhere. */
export function formatIsoDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
