import type { CommentDto, MacroPreviewDto, TicketDto } from '@bw/sdk';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';

/** One field a macro would change: "Priority: Normal → Urgent". */
export interface FieldChange {
  readonly field: 'status' | 'priority' | 'type' | 'topic' | 'assignee';
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface MacroPreview {
  readonly changes: readonly FieldChange[];
  readonly comments: readonly CommentDto[];
  /** The ticket as it would be after applying. */
  readonly ticket: TicketDto;
}

/** Compares the ticket now with the ticket the preview says it would become. */
export function describePreview(current: TicketDto, preview: MacroPreviewDto): MacroPreview {
  const after = preview.ticket;
  const changes: FieldChange[] = [];
  if (current.status !== after.status) {
    changes.push({
      field: 'status',
      label: 'Status',
      before: statusLabel(current.status),
      after: statusLabel(after.status),
    });
  }
  if (current.priority !== after.priority) {
    changes.push({
      field: 'priority',
      label: 'Priority',
      before: priorityLabel(current.priority),
      after: priorityLabel(after.priority),
    });
  }
  if (current.type !== after.type) {
    changes.push({ field: 'type', label: 'Type', before: typeLabel(current.type), after: typeLabel(after.type) });
  }
  if (current.topic !== after.topic) {
    changes.push({ field: 'topic', label: 'Topic', before: topicLabel(current.topic), after: topicLabel(after.topic) });
  }
  if (current.assigneeId !== after.assigneeId) {
    changes.push({
      field: 'assignee',
      label: 'Assignee',
      before: current.assignee.username,
      after: after.assignee.username,
    });
  }
  return { changes, comments: preview.comments, ticket: after };
}
