// Public surface of @balanced-workspace/sdk. Everything under ./generated is produced by
// `npm run sdk` from ../openapi.json and never edited by hand; the files beside this one are
// the hand-written parts: the client factory and the problem types. One file per concern, each
// exported from here.
export * from './generated/index.js';
export { createConfig } from './generated/client/index.js';
export type { Client, Config, RequestResult } from './generated/client/index.js';
export { client, createClient, defaultBaseUrl, DEFAULT_BASE_URL, withApiErrors } from './client.js';
export type { CreateClientOptions, TokenSource } from './client.js';
export { ApiError, isProblem, PROBLEM_CODES } from './problem.js';
export type { Problem, ProblemCode } from './problem.js';
