import type { Verdict } from './mutation-verdicts';

/**
 * Equivalent survivors of the files stryker.rest.json mutates (ptrace, fork, job control, the
 * snapshot builder, the kernel state and profiles), kept apart from bench/mutation-verdicts.ts so
 * the two batches are judged side by side. Same rules: each reason must show that no observable
 * behaviour changes.
 */
export const REST_EQUIVALENT_MUTANTS: readonly Verdict[] = [];
