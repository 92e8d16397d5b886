/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  collectCoverageFrom: ['oracle/**/*.ts'],
  coverageReporters: ['text-summary'],
  // Branch coverage of the oracle is part of the suite's contract (issue 2): below 95% `npm test` fails.
  coverageThreshold: { './oracle/': { branches: 95 } },
};
