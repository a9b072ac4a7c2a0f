/** The flags page's timestamps: day and minute in UTC, the same in every section (overrides, capacity rules, audit log). */
const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An ISO timestamp as the page shows it, e.g. "4 Dec 2026, 11:55". */
export const formatUtc = (iso: string): string => utc.format(new Date(iso));
