// Public surface of the SDK. Everything under ./generated is produced by `npm run sdk` from
// ../openapi.json and must never be edited by hand.
export * from './generated';
export { client } from './generated/client.gen';
export { createClient, createConfig } from './generated/client';
export type { Client, Config } from './generated/client';
