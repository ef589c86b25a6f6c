// Generates the TypeScript SDK from the OpenAPI document. Run with `npm run sdk`.
// The output in src/generated is committed and never edited by hand. Relative imports end in
// `.js` (`module.extension`), so the compiled package is valid Node ESM (ADR 0009).
// tools/sdk.mjs sets SDK_OUT_DIR to generate into a temporary copy for the drift check (the
// CLI's `-o` would replace the whole `output` object, dropping `module`).
const dir = process.env.SDK_OUT_DIR ?? 'libs/sdk';

export default {
  input: `${dir}/openapi.json`,
  output: { path: `${dir}/src/generated`, clean: true, module: { extension: '.js' } },
  logs: { file: false },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk', operations: { strategy: 'flat' } }],
};
