/** Every package's tests run in one jest process tree against one throwaway PostgreSQL cluster. */
const workspacePackages = ['core', 'server', 'plugin-sales', 'plugin-support', 'plugin-analytics'];

export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2024',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    // Tests run on the sources: a package name maps to its src/ entry point, as its exports map does to dist/.
    ...Object.fromEntries(
      workspacePackages.flatMap((name) => [
        [`^@kontra/${name}$`, `<rootDir>/packages/${name}/src/index.ts`],
        [`^@kontra/${name}/(.*)$`, `<rootDir>/packages/${name}/src/$1/index.ts`],
      ]),
    ),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test-support/global-setup.mjs',
  globalTeardown: '<rootDir>/test-support/global-teardown.mjs',
  testTimeout: 30_000,
};
