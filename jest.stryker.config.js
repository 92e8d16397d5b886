/**
 * Jest configuration for StrykerJS only (`npm run mutation`): the one test file
 * tests/oracle-mutation/stryker-suite.ts, which loads the fast, deterministic tests that exercise
 * oracle/ in process: the oracle unit tests, tests/oracle-mutation (literal tests and a fixed-seed
 * invariant soak) and the stored-fixture replays (FreeBSD, and the linux profile's divergences).
 * Nothing here spawns a process or reads dist/.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  // One file that imports the others: jest builds a module registry per test file, and StrykerJS
  // runs jest once per mutant, so one registry for all of them is most of a mutant's cost saved.
  testMatch: ['<rootDir>/tests/oracle-mutation/stryker-suite.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
