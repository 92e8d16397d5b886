/**
 * Jest configuration for a StrykerJS run over some files only (stryker.exit-wait.json): the tests
 * of jest.stryker.config.js as separate files, one module registry each (slower per mutant), and
 * the invariant soak at npm test's 120 interleavings. It keeps the test ids of the incremental
 * reports written before the one-file suite, so such a run reuses their killed mutants.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: [
    '<rootDir>/tests/oracle/**/*.test.ts',
    '<rootDir>/tests/oracle-mutation/**/*.test.ts',
    '<rootDir>/tests/fixtures/replay.test.ts',
    '<rootDir>/tests/linux/divergences.test.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
