/** A number of minutes as people say it: `45 min`, `3 h 20 min`, `2 d 5 h`; `—` for none. */
export function durationLabel(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  const rest = whole % 60;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}
