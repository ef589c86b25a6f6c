/**
 * Ids of the demo workspace (database/seed) that request examples in the OpenAPI document use,
 * so a body the Swagger console pre-fills works as it stands once "Try it out" on
 * `POST /api/auth/demo` has logged the console in as the demo user.
 */
export const DEMO_EXAMPLE_IDS = {
  /** The demo user's customer Grace Hopper. */
  customer: '00000000-0000-4000-8000-000000000101',
  /** The demo colleague alex.support. */
  colleague: '00000000-0000-4000-8000-000000000002',
  /** The demo user's macro "Escalate to urgent". */
  macro: '00000000-0000-4000-8000-000000000401',
} as const;
