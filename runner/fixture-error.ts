/**
 * A fixture that cannot be used: unreadable, not JSON, not matching fixtures/schema.json, or
 * inconsistent. The message names the file, the step (with its call) and the field, so a person can
 * fix it without a stack trace.
 */
export class FixtureError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** Index of the step the problem is in, when it is in one. */
    readonly step?: number,
    /** The field, as a path relative to the step or expectation (`options[1]`, `status.raw`). */
    readonly field?: string,
    /** The step's call name, when known. */
    readonly call?: string,
    /** True when the field is in the step's expectation rather than in the step itself. */
    readonly inExpectation = false,
  ) {
    super(formatFixtureProblem(file, problem, step, field, call, inExpectation));
    this.name = 'FixtureError';
  }
}

function formatFixtureProblem(file: string, problem: string, step?: number, field?: string, call?: string, inExpectation = false): string {
  const parts = [file];
  if (step !== undefined) parts.push(`step ${step}${call ? ` (${call})` : ''}${inExpectation ? ' expectation' : ''}`);
  if (field) parts.push(`field "${field}"`);
  parts.push(problem);
  return parts.join(': ');
}
