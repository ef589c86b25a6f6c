// Helpdesk vocabulary as SQL arrays for the generated rows, and the same words for the bench's creations.
import { lit } from './sql.mjs';

// Helpdesk vocabulary: titles and descriptions read like real tickets and give full-text search
// words of very different frequencies (printer ~ 1/10 of titles, "kerberos" rare).
const PROBLEMS_TEXT = [
  'Cannot connect to',
  'Error when opening',
  'Slow response from',
  'Request access to',
  'Reset password for',
  'Invoice question about',
  'Broken',
  'Replace',
  'Order new',
  'Update settings of',
  'Intermittent failure in',
  'Crash in',
  'License renewal for',
  'Billing discrepancy on',
  'Setup of',
];
export const PROBLEMS = lit(PROBLEMS_TEXT);
const THINGS_TEXT = [
  'the printer on floor 3',
  'VPN client',
  'email account',
  'billing portal',
  'laptop docking station',
  'shared drive',
  'CRM dashboard',
  'payroll system',
  'office chairs',
  'meeting room projector',
  'mobile app',
  'Kerberos login',
  'Wi-Fi in the lobby',
  'monthly invoice',
  'expense reports',
  'coffee machine',
  'badge reader',
  'backup job',
  'database report',
  'onboarding checklist',
];
export const THINGS = lit(THINGS_TEXT);
const CONTEXTS_TEXT = [
  'since this morning',
  'after the last update',
  'for the new hire',
  'before the audit',
  'for the whole team',
  'on Mondays only',
  'again',
  'urgently',
  'for the Berlin office',
  'when working remotely',
];
export const CONTEXTS = lit(CONTEXTS_TEXT);
const SENTENCES_TEXT = [
  'The customer reports that the issue started after the weekend maintenance window.',
  'Restarting the device did not help and the error message is attached to the customer record.',
  'Please check whether the account has the right permissions and licence.',
  'Several colleagues on the same floor see the same behaviour.',
  'The invoice total does not match the signed quote; the difference is about 12 percent.',
  'They need this resolved before the quarterly report is due on Friday.',
  'The VPN disconnects roughly every twenty minutes, both on Wi-Fi and on cable.',
  'A replacement was ordered last month but has not arrived yet.',
  'The printer shows a paper jam although the tray is empty.',
  'Logs show repeated authentication failures from the Kerberos service.',
  'The customer asked for a callback in the afternoon.',
  'This blocks the onboarding of two new employees.',
  'We tried clearing the cache and signing in from a private window.',
  'The backup job has failed three nights in a row with a timeout.',
  'Budget approval is already in place; only the order is missing.',
  'Our records show the payment was received on the 3rd.',
];
export const SENTENCES = lit(SENTENCES_TEXT);

/** A realistic title and description for the `n`th ticket the bench creates, from the seed's vocabulary (so that created tickets do not crowd out the words a search looks for). */
export function benchTicketText(n) {
  const at = (arr, salt) => arr[(n * 7919 + salt * 104729) % arr.length];
  return {
    title: `${at(PROBLEMS_TEXT, 1)} ${at(THINGS_TEXT, 2)} ${at(CONTEXTS_TEXT, 3)}`,
    description: `${at(SENTENCES_TEXT, 4)} ${at(SENTENCES_TEXT, 5)}`,
  };
}

export const COMMENTS = lit([
  'Thanks, I am looking into it now.',
  'Could you send a screenshot of the error message?',
  'I escalated this to the network team.',
  'The replacement has been shipped and should arrive tomorrow.',
  'Restarted the service; please check whether it works again.',
  'The invoice has been corrected and re-sent to the billing contact.',
  'Waiting for the customer to confirm.',
  'This looks like the same problem as last week, applying the same fix.',
  'Access granted. The change may take up to an hour to propagate.',
  'Closing the loop: the customer confirmed everything works.',
]);
export const FIRST = lit([
  'Grace',
  'Linus',
  'Margaret',
  'Katherine',
  'Ada',
  'Alan',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Edsger',
  'Donald',
  'Hedy',
  'John',
  'Mary',
  'Tim',
  'Sophie',
  'Yukihiro',
  'Guido',
]);
export const LAST = lit([
  'Hopper',
  'Brandt',
  'Hamilton',
  'Johnson',
  'Lovelace',
  'Turing',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Knuth',
  'Lamarr',
  'Backus',
  'Jackson',
  'Berners',
  'Wilson',
  'Matsumoto',
  'Rossum',
]);
export const COMPANIES = lit([
  'Navy Systems',
  'Kernelworks',
  'Apollo Software',
  'Orbit Analytics',
  'Analytical Engines',
  'Bletchley Labs',
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Foods',
]);
