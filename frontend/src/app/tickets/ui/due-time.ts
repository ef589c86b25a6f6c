import { calendarDaysBetween, HOUR, MINUTE, relativeTime, shortDate } from '../../core/time/relative-time';

/**
 * A due time as people say it, either side of now: "in 5 minutes", "in 3 hours", "tomorrow",
 * "in 4 days", then the date ("Dec 24", with the year when it is not this year); a passed one
 * as the app says any past moment ("2 hours ago", "yesterday").
 */
export function dueText(iso: string, now: number, locale = 'en'): string {
  const at = new Date(iso);
  const time = at.getTime();
  if (Number.isNaN(time)) return iso;
  const ahead = time - now;
  if (ahead <= 0) return relativeTime(iso, now, locale);
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ahead < HOUR) return words.format(Math.max(1, Math.floor(ahead / MINUTE)), 'minute');
  const days = calendarDaysBetween(new Date(now), at);
  if (days <= 0) return words.format(Math.floor(ahead / HOUR), 'hour');
  if (days < 7) return words.format(days, 'day');
  return shortDate(at, now, locale);
}
