// Generates the TypeScript SDK from the committed OpenAPI document. Run with `npm run sdk`.
// The output in src/generated is committed and never edited by hand.
export default {
  input: 'libs/sdk/openapi.json',
  output: { path: 'libs/sdk/src/generated', clean: true },
  logs: { file: false },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk', operations: { strategy: 'flat' } }],
};
