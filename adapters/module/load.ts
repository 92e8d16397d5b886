import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Implementation, Step, StepResult } from '../../interleaving';
import { isPromise, StepRejected } from '../../interleaving';

/** A module that cannot be loaded, or that exports no Implementation. */
export class ModuleTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleTargetError';
  }
}

/** The export names searched, in order: an Implementation object or a factory making one. */
export const MODULE_EXPORTS = ['default', 'implementation', 'createImplementation'] as const;

function isImplementation(v: unknown): v is Implementation {
  const o = v as Partial<Implementation> | null;
  return typeof o === 'object' && o !== null && typeof o.reset === 'function' && typeof o.apply === 'function' && typeof o.name === 'string';
}

let tsRegistered = false;

/** Let `require` load TypeScript (ts-node, transpile only: type errors are the author's tsc's job). */
function registerTypeScript(path: string): void {
  if (tsRegistered) return;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('ts-node') as { register(o: object): void }).register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
    tsRegistered = true;
  } catch {
    throw new ModuleTargetError(`cannot load ${path}: loading TypeScript needs ts-node (npm install ts-node), or compile it and pass the .js`);
  }
}

/** The Implementation a loaded module offers, calling a factory export if that is what it has. */
async function implementationOf(mod: Record<string, unknown>, path: string): Promise<Implementation> {
  for (const name of MODULE_EXPORTS) {
    const v = mod[name];
    if (isImplementation(v)) return v;
    if (typeof v === 'function') {
      const made: unknown = await (v as () => unknown)();
      if (isImplementation(made)) return made;
      throw new ModuleTargetError(`${path}: export ${name}() returned something that is not an Implementation (needs name, reset(config), apply(step))`);
    }
  }
  if (isImplementation(mod)) return mod;
  const found = Object.keys(mod);
  throw new ModuleTargetError(
    `${path} exports no Implementation: expected one of ${MODULE_EXPORTS.join(', ')} (an object with name, reset(config), apply(step), or a function returning one); found ${found.length ? found.join(', ') : 'no exports'}`,
  );
}

/** A StepRejected from another copy of the contract (the module loaded the .ts sources, the runner runs dist/). */
function asOurRejection(e: unknown): unknown {
  const r = e as { name?: unknown; call?: unknown; reason?: unknown } | null;
  if (e instanceof StepRejected || r?.name !== 'StepRejected' || typeof r.call !== 'string' || typeof r.reason !== 'string') return e;
  return new StepRejected(r.call, r.reason);
}

/** The same implementation, its rejections recognisable by the runner whichever copy of the contract made them. */
function withOurRejections(impl: Implementation): Implementation {
  const apply = (step: Step): StepResult | Promise<StepResult> => {
    let r: StepResult | Promise<StepResult>;
    try {
      r = impl.apply(step);
    } catch (e) {
      throw asOurRejection(e);
    }
    return isPromise(r) ? r.catch((e: unknown) => Promise.reject(asOurRejection(e))) : r;
  };
  const wrapped: Implementation = { name: impl.name, reset: (c) => impl.reset(c), apply };
  if (impl.snapshot) wrapped.snapshot = () => impl.snapshot!();
  if (impl.close) wrapped.close = () => impl.close!();
  return wrapped;
}

/**
 * Load a TS or JS module (path relative to `cwd`) and take its Implementation: the default export,
 * an `implementation` export, or a `createImplementation()` factory (which may be async).
 */
export async function loadModuleImplementation(path: string, cwd = process.cwd()): Promise<Implementation> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new ModuleTargetError(`no such module: ${path} (resolved to ${file})`);
  if (/\.[cm]?ts$/.test(file)) registerTypeScript(path);
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(file) as Record<string, unknown>;
  } catch (e) {
    throw new ModuleTargetError(`cannot load ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  return withOurRejections(await implementationOf(mod, path));
}
