import { defineTable } from '../../../platform/database/sql';

/** The columns of `tickets` a statement reads or writes (`search` is generated and only searched). */
export const TICKETS = defineTable('tickets', {
  id: 'uuid',
  number: 'int',
  creator_id: 'uuid',
  assignee_id: 'uuid',
  customer_id: 'uuid',
  title: 'text',
  description: 'text',
  type: 'text',
  priority: 'text',
  topic: 'text',
  status: 'text',
  photo_url: 'text',
  version: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  closed_at: 'timestamptz',
  due_at: 'timestamptz',
});

export const TICKET_COMMENTS = defineTable('ticket_comments', {
  id: 'uuid',
  ticket_id: 'uuid',
  author_id: 'uuid',
  body: 'text',
  created_at: 'timestamptz',
});
