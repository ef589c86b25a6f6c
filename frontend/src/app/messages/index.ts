// The messages feature's public surface: the unread count the app frame shows as its badge.
// Its routes table (feature/messages.routes.ts) is loaded lazily by app.routes.ts.
export { UnreadMessagesStore } from './data-access/unread-messages.store';
