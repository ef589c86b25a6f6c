/**
 * The API contract's length limits on what the forms send (the API answers longer input with a
 * 400 naming the field), mirrored so a form can say so before the round trip. One table for
 * every feature; `macro.actions` is the most actions a macro may have.
 */
export const LIMITS = {
  customer: { name: 200, email: 254, phone: 50, company: 200, notes: 10000 },
  ticket: { title: 200, description: 10000, photoUrl: 2000 },
  comment: { body: 10000 },
  macro: { name: 100, description: 1000, actions: 20, comment: 10000 },
  trigger: { name: 100, message: 5000 },
} as const;
