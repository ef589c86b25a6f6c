// The app's ticket reads (a box page, search, one ticket), statement for statement.
import { createHmac } from 'node:crypto';
import { numbered, TICKET_COLUMNS } from './sql.mjs';

const CURSOR_KEY = 'baseline-cursor-key';

export function ticketReads(q, views) {
  // The app's TicketsService.list, statement for statement (no cursor input: the bench reads page 1).
  async function list(actorId, query) {
    const box = query.get('box') ?? 'all';
    const limit = Number(query.get('limit') ?? 10);
    const status = query.get('status') ?? '';
    const text = (query.get('q') ?? '').trim();
    const branch = (column, extra = '') => {
      const params = [actorId];
      let where = `${column} = ?${extra}`;
      if (status) {
        where += ' and status = ?';
        params.push(status);
      }
      if (text) {
        where += ` and search @@ websearch_to_tsquery('english', ?)`;
        params.push(text);
      }
      params.push(limit + 1);
      return {
        sql: `(select ${TICKET_COLUMNS} from tickets where ${where} order by created_at desc, id desc limit ?)`,
        params,
      };
    };
    let sql;
    let params;
    if (box === 'outgoing' || box === 'incoming') {
      ({ sql, params } = branch(box === 'outgoing' ? 'creator_id' : 'assignee_id'));
    } else {
      const created = branch('creator_id');
      const assigned = branch('assignee_id', ' and creator_id <> ?');
      assigned.params.splice(1, 0, actorId);
      sql = `select * from (${created.sql} union all ${assigned.sql}) t order by created_at desc, id desc limit ?`;
      params = [...created.params, ...assigned.params, limit + 1];
    }
    const rows = text ? await search(actorId, box, status, text, limit + 1) : await q(numbered(sql), params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    let nextCursor = null;
    if (rows.length > limit && last) {
      const payload = Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url');
      const scope = `tickets:${actorId}:${box}:${status}:${text}`;
      nextCursor = `${payload}.${createHmac('sha256', CURSOR_KEY).update(`${scope}\n${payload}`).digest('base64url').slice(0, 22)}`;
    }
    return { items: await views(page), nextCursor };
  }

  // The app's search (TicketsService.searchBranch): per box, its newest SEARCH_WINDOW rows first,
  // the full-text index only when they hold too few matches; the boxes merged newest first.
  const SEARCH_WINDOW = 400;
  async function search(actorId, box, status, text, take) {
    const branches = [];
    const branchOf = (column, extra = '', extraParams = []) => {
      const params = [actorId, ...extraParams];
      let where = `${column} = ?${extra}`;
      if (status) {
        where += ' and status = ?';
        params.push(status);
      }
      return { where, params };
    };
    if (box !== 'incoming') branches.push(branchOf('creator_id'));
    if (box !== 'outgoing')
      branches.push(
        box === 'all' ? branchOf('assignee_id', ' and creator_id <> ?', [actorId]) : branchOf('assignee_id'),
      );
    const found = await Promise.all(
      branches.map(async ({ where, params }) => {
        const windowed = await q(
          numbered(
            `with w as materialized (select ${TICKET_COLUMNS}, search from tickets where ${where} order by created_at desc, id desc limit ?)
         select s.scanned, m.* from (select count(*)::int as scanned from w) s
         left join lateral (select ${TICKET_COLUMNS} from w where search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?) m on true`,
          ),
          [...params, SEARCH_WINDOW, text, take],
        );
        const matches = windowed.filter((r) => r.id !== null);
        if (matches.length >= take || (windowed[0]?.scanned ?? 0) < SEARCH_WINDOW) return matches;
        return q(
          numbered(
            `select ${TICKET_COLUMNS} from tickets where ${where} and search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?`,
          ),
          [...params, text, take],
        );
      }),
    );
    return found
      .flat()
      .sort((x, y) => y.created_at - x.created_at || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
      .slice(0, take);
  }

  async function one(actorId, id) {
    const rows = await q(
      `select ${TICKET_COLUMNS} from tickets where id = $1 and (creator_id = $2 or assignee_id = $3)`,
      [id, actorId, actorId],
    );
    if (rows.length === 0) return null;
    return (await views(rows))[0];
  }

  return { list, one };
}
