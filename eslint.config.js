import { configApp } from '@adonisjs/eslint-config'

/**
 * Layer boundaries (STYLE.md): domain imports nothing of the framework nor of the outer layers;
 * application reaches neither adapters nor HTTP code. Enforced here rather than by review.
 */
const forbid = (regex, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
})

export default configApp(
  {
    files: ['app/*/domain/**/*.ts'],
    rules: forbid(
      '^(@adonisjs/|#[a-z_]+/(application|adapters|http)/|#config/|#start/)',
      'domain code stays free of the framework and of the outer layers'
    ),
  },
  {
    files: ['app/*/application/**/*.ts'],
    rules: forbid(
      '^(@adonisjs/lucid|#[a-z_]+/(adapters|http)/|#start/)',
      'use cases depend on ports, not on adapters or HTTP'
    ),
  },
  // `(await client.get(url)).status` reads well in tests.
  { files: ['tests/**/*.ts'], rules: { '@unicorn/no-await-expression-member': 'off' } },
  { ignores: ['build/**', 'tmp/**', '.data/**', '.adonisjs/**', 'database/schema.ts'] }
)
