// The response shape of a ticket, with the usernames kept in memory as IdentityService keeps them.

/** `views(tickets, known?)`: the tickets as the API answers them (`known`: their customers, already read). */
export function ticketViews(q) {
  const usernames = new Map();

  return async function views(tickets, known) {
    if (tickets.length === 0) return [];
    const userIds = [...new Set(tickets.flatMap((t) => [t.creator_id, t.assignee_id]))].filter(
      (id) => !usernames.has(id),
    );
    const customerIds = [...new Set(tickets.map((t) => t.customer_id))];
    const [users, customers] = await Promise.all([
      userIds.length
        ? q(`select id, username from users where id in (${userIds.map((_, i) => `$${i + 1}`).join(',')})`, userIds)
        : [],
      known ??
        q(
          `select id, owner_id, name, email, deleted_at is not null as deleted from customers where id in (${customerIds.map((_, i) => `$${i + 1}`).join(',')})`,
          customerIds,
        ),
    ]);
    for (const r of users) usernames.set(r.id, r);
    const u = usernames;
    const c = new Map(customers.map((r) => [r.id, r]));
    const user = (id) => ({ id, username: u.get(id)?.username ?? '' });
    return tickets.map((t) => {
      const cu = c.get(t.customer_id);
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        type: t.type,
        priority: t.priority,
        topic: t.topic,
        status: t.status,
        photoUrl: t.photo_url,
        customerId: t.customer_id,
        assigneeId: t.assignee_id,
        version: t.version,
        createdAt: t.created_at.toISOString(),
        updatedAt: t.updated_at.toISOString(),
        closedAt: t.closed_at ? t.closed_at.toISOString() : null,
        creator: user(t.creator_id),
        assignee: user(t.assignee_id),
        customer: { id: t.customer_id, name: cu?.name ?? '', email: cu?.email ?? '', deleted: cu?.deleted ?? true },
      };
    });
  };
}
