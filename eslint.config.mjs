// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // apps/web lints with its own config (apps/web/eslint.config.mjs): `npm run lint` runs both.
  {
    ignores: ['dist/**', 'node_modules/**', '.infra/**', 'coverage/**', 'apps/web/**', '**/*.js', '**/*.mjs'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest decorators and kafkajs callbacks return promises the framework awaits.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message:
            'Read configuration through the validated config (libs/platform/src/config), not process.env.',
        },
      ],
    },
  },
  {
    // Edges that legitimately read the environment: the config loader, CLIs, test infrastructure.
    files: [
      'libs/platform/src/config/**',
      'tools/**',
      'libs/testing/**',
      'bench/**',
      'deploy/**',
      'jest.config.ts',
      '**/*.int-spec.ts',
      '**/*.fault-spec.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests assert on parsed JSON bodies; typing every response shape would add noise, not safety.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.fault-spec.ts', 'libs/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
