// A TypeScript module target with its own copy of StepRejected (as a user's module would have).
class StepRejected extends Error {
  constructor(readonly call: string, readonly reason: string) {
    super(`${call}: ${reason}`);
    this.name = 'StepRejected';
  }
}

export const implementation = {
  name: 'ts-module',
  reset(): void {},
  apply(step: { pid: number; call: string }): never {
    throw new StepRejected(step.call, `no process ${step.pid}`);
  },
};
