export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Calendar days from `from` to `to`, in the user's time zone (0 = the same day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate()).getTime();
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate()).getTime();
  return Math.round((end - start) / (24 * HOUR));
}

/**
 * A past moment as people say it: "just now", "5 minutes ago", "3 hours ago", "yesterday",
 * "4 days ago", then the date ("Nov 24", with the year when it is not this year). A moment
 * slightly ahead of `now` (clocks differ) is "just now".
 */
export function relativeTime(iso: string, now: number, locale = 'en'): string {
  const at = new Date(iso);
  const time = at.getTime();
  if (Number.isNaN(time)) return iso;
  const ago = now - time;
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return words.format(-Math.floor(ago / MINUTE), 'minute');
  const days = calendarDaysBetween(at, new Date(now));
  if (days <= 0) return words.format(-Math.floor(ago / HOUR), 'hour');
  if (days < 7) return words.format(-days, 'day');
  return shortDate(at, now, locale);
}

/** "Nov 24", with the year when it is not the year of `now`. */
export function shortDate(at: Date, now: number, locale = 'en'): string {
  const sameYear = at.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** The exact moment, for the hover text: "Dec 3, 2026, 9:41 AM". */
export function exactTime(iso: string, locale = 'en'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
