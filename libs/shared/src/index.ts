// What the backend and the frontend must agree on, written once: plain TypeScript without runtime
// dependencies. The frontend imports it as `@bw/shared` (compiled into its bundle); the backend as
// `#shared`, the root package.json's subpath import of its build in dist/libs/shared.
export * from './templates/placeholders';
export * from './templates/template';
