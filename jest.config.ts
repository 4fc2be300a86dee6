import type { Config } from 'jest';

const moduleNameMapper = {
  '^@app/(contracts|platform|testing)$': '<rootDir>/libs/$1/src',
  '^@app/(contracts|platform|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

// Type checking is `npm run typecheck`'s job; tests only transpile, which keeps them fast.
const transform: NonNullable<Config['transform']> = {
  '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
};

const shared = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  // apps/web is the Next.js app: its own TypeScript build, Playwright journeys (*.e2e.ts), no Jest.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/', '<rootDir>/apps/web/'],
  modulePathIgnorePatterns: ['<rootDir>/apps/web/'],
};

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench,deploy}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
      setupFilesAfterEnv: [
        '<rootDir>/libs/testing/src/jest/integration-timeout.ts',
        '<rootDir>/libs/testing/src/jest/openapi-responses.ts',
      ],
    },
    {
      ...shared,
      displayName: 'fault',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/fault/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/fault/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/fault-timeout.ts'],
    },
  ],
};

export default config;
