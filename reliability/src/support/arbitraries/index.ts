// Arbitraries of the contract fuzzer (fast-check): the world of real ids, valid and invalid values,
// bodies, paths and queries, and whole requests per operation.
export { invalidBody } from './invalid-bodies';
export { takeSacrificial } from './paths-queries';
export { requestsFor } from './requests';
export { validBody, validValue } from './valid';
export type { Expectation, FuzzRequest, World } from './world';
