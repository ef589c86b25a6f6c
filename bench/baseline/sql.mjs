// The baseline's statements run on one pg pool, with the app's parameter styles.

export const TICKET_COLUMNS =
  'id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, photo_url, version, created_at, updated_at, closed_at';

/** Rows of one statement on the pool. */
export const rowsOf = (pool) => (sql, params) => pool.query(sql, params).then((r) => r.rows);

// `?` placeholders → `$n`, as MikroORM's knex layer does before sending.
export const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
