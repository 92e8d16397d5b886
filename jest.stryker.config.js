/**
 * Jest configuration for StrykerJS only (`npm run mutation`): the fast, deterministic tests that
 * exercise oracle/ in process — the oracle unit tests, the stored-fixture replays (FreeBSD, and the
 * linux profile's divergence fixtures), and tests/oracle-mutation (literal tests and a fixed-seed
 * invariant soak). Nothing here spawns a process or reads dist/.
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
