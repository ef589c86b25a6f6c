import { Sql, sql } from '../database/sql';

/** The columns of an event row being written, for an interest condition (`v.audience`, `v.payload`). */
export interface EventRowColumns {
  readonly audience: Sql;
  readonly payload: Sql;
}

/**
 * A handler's condition, in SQL over the event row being written, that it may want the event. An
 * event whose every handler's condition is false is written already delivered (ADR 0005, amended):
 * the condition must hold whenever the handler would do anything with the event.
 */
export type InterestCondition = (event: EventRowColumns) => Sql;

/** Per event name, each handler's condition (`true`: one that wants every event of the name). */
const interests = new Map<string, (InterestCondition | true)[]>();

/** Records a handler of `name` (OnEvents does, when a handler class is defined). */
export function registerInterest(name: string, condition: InterestCondition | undefined): void {
  interests.set(name, [...(interests.get(name) ?? []), condition ?? true]);
}

/**
 * Whether some handler may want an event of `name`, over the row `v`: `true` when one wants them
 * all, `false` when none handles the name, else the handlers' conditions or'ed.
 */
export function wantedBy(name: string, v: EventRowColumns): Sql | boolean {
  const conditions = interests.get(name) ?? [];
  if (conditions.length === 0) return false;
  if (conditions.includes(true)) return true;
  return sql`(${sql.join(
    conditions.map((c) => (c as InterestCondition)(v)),
    sql` or `,
  )})`;
}
