// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// The web app's own lint (the root config leaves apps/web to this one): same TypeScript rules as
// the services, for .ts and .tsx, with the configuration module as the one reader of the environment.
export default tseslint.config(
  {
    // src/api/generated holds openapi-typescript's output (npm run openapi), checked by tsc only.
    ignores: [
      'src/api/generated/**',
      '.next/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // The Playwright config is typed by the journeys' tsconfig (Node, CommonJS), not the app's.
          allowDefaultProject: ['playwright.config.ts'],
          defaultProject: 'e2e/tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/lib/config.ts, not process.env.',
        },
      ],
    },
  },
  {
    // Edges that legitimately read the environment: the config module, the build config, the tests.
    files: ['src/lib/config.ts', 'next.config.ts', 'e2e/**', 'playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
