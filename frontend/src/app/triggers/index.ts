// The triggers feature's public surface for other features (the messages list names the event).
// Its routes table (feature/triggers.routes.ts) is loaded lazily by app.routes.ts.
export { eventLabel } from './data-access/trigger.model';
