// The demo workspace's past six weeks (ids 7xx), so the dashboard has something to show: tickets
// opened on most days and closed a few hours to a few days later, in both of the demo user's boxes.
import { DEMO_IDS, demoId } from './demo-workspace.data';

export interface PastTicket {
  id: string;
  creatorId: string;
  assigneeId: string;
  customerId: string;
  title: string;
  type: string;
  priority: string;
  topic: string;
  /** Created this many days and hours ago. */
  daysAgo: number;
  hour: number;
  /** Closed this many minutes after it was created, or still open (null). */
  minutesToClose: number | null;
}

const SUBJECTS = [
  ['Printer on the 3rd floor jams', 'facilities', 'incident'],
  ['Invoice shows the wrong VAT rate', 'billing', 'problem'],
  ['VPN drops every hour', 'technical', 'incident'],
  ['New starter needs a laptop', 'hr', 'task'],
  ['Password reset link expired', 'account', 'question'],
  ['Order more toner', 'office_supplies', 'task'],
  ['Projector in room B flickers', 'facilities', 'incident'],
  ['Refund for a double charge', 'billing', 'question'],
] as const;
const PRIORITIES = ['normal', 'low', 'high', 'normal', 'urgent', 'normal', 'low'] as const;
const CLOSE_MINUTES = [45, 130, 260, 95, 1500, 380, 60, 2900, 170, 720];

/** Two or three tickets on most of the 42 days before the seeded open ones; all but a few closed. */
export const DEMO_PAST_TICKETS: PastTicket[] = Array.from({ length: 64 }, (_, i) => {
  const [title, topic, type] = SUBJECTS[i % SUBJECTS.length];
  const fromColleague = i % 3 === 2;
  const colleague = i % 2 === 0 ? DEMO_IDS.alex : DEMO_IDS.sam;
  return {
    id: demoId(700 + i),
    creatorId: fromColleague ? colleague : DEMO_IDS.demo,
    assigneeId: fromColleague ? DEMO_IDS.demo : colleague,
    customerId: fromColleague ? demoId(colleague === DEMO_IDS.alex ? 151 : 152) : demoId(101 + (i % 4)),
    title,
    type,
    priority: PRIORITIES[i % PRIORITIES.length],
    topic,
    daysAgo: 10 + Math.floor((i * 32) / 64) + (i % 5 === 0 ? 1 : 0),
    hour: 8 + ((i * 5) % 9),
    minutesToClose: i % 11 === 4 ? null : CLOSE_MINUTES[i % CLOSE_MINUTES.length],
  };
});
