import { join } from 'node:path';
import type { Implementation, ProfileName } from '../interleaving';
import { createOracle } from '../oracle';
import { ImplementationBroke } from './protocol/broke';
import { connectProtocol, DEFAULT_STEP_TIMEOUT_MS } from './protocol/client';
import { loadModuleImplementation } from './module/load';
import { optionalModule } from './module/optional';

/** A TARGET that names nothing usable. */
export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface TargetOptions {
  profile: ProfileName;
  /** Per-step timeout of out-of-process targets. */
  timeoutMs?: number;
  cwd?: string;
}

/** What every TARGET form looks like, for messages. */
export const TARGET_FORMS = "oracle, mutant:NAME, host, a module path (.ts or .js), cmd:'PROGRAM ARGS', or gvisor";

function mutant(name: string): Implementation {
  const registry = optionalModule<{ MUTANTS: Record<string, () => Implementation> }>(join(__dirname, '../mutants/index'))?.MUTANTS;
  const names = registry ? Object.keys(registry).sort() : [];
  if (!registry || names.length === 0) throw new TargetError(`no mutants are available (mutants/index.ts exports none yet), so mutant:${name} cannot be run`);
  const make = registry[name];
  if (!make) throw new TargetError(`no mutant named ${JSON.stringify(name)}; available: ${names.join(', ')}`);
  return make();
}

async function host(o: TargetOptions): Promise<Implementation> {
  type HostModule = { createHostImplementation(options: { timeoutMs: number }): Promise<Implementation> };
  const mod = optionalModule<HostModule>(join(__dirname, 'host/target'));
  if (!mod) throw new TargetError('the host target (this machine\'s kernel) is not available in this build of reapcheck');
  try {
    return await mod.createHostImplementation({ timeoutMs: o.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS });
  } catch (e) {
    if (e instanceof ImplementationBroke) throw e;
    throw new TargetError(e instanceof Error ? e.message : String(e));
  }
}

async function gvisor(o: TargetOptions): Promise<Implementation> {
  type GvisorModule = { createGvisorImplementation(options: { timeoutMs?: number }): Promise<Implementation> };
  const mod = optionalModule<GvisorModule>(join(__dirname, 'gvisor/target'));
  if (!mod) throw new TargetError('the gvisor target (the host harness inside a runsc sandbox) is not available in this build of reapcheck');
  try {
    return await mod.createGvisorImplementation({ timeoutMs: o.timeoutMs });
  } catch (e) {
    if (e instanceof ImplementationBroke) throw e;
    throw new TargetError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Open the implementation a TARGET names: `oracle`, `mutant:NAME`, `host`, `cmd:PROGRAM ARGS`
 * (the line protocol), or a path to a module exporting an Implementation. The caller closes it.
 */
export async function openTarget(spec: string, o: TargetOptions): Promise<Implementation> {
  if (spec === 'oracle') return createOracle();
  if (spec.startsWith('mutant:')) return mutant(spec.slice('mutant:'.length));
  if (spec === 'host') return host(o);
  if (spec === 'gvisor') return gvisor(o);
  if (spec.startsWith('cmd:')) return connectProtocol(spec.slice('cmd:'.length), { profile: o.profile, timeoutMs: o.timeoutMs, cwd: o.cwd });
  if (/\.[cm]?[jt]s$/.test(spec) || spec.includes('/')) return loadModuleImplementation(spec, o.cwd);
  throw new TargetError(`unknown target ${JSON.stringify(spec)}: expected ${TARGET_FORMS}`);
}
