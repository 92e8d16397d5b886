import { existsSync } from 'node:fs';
import type { Config, Implementation, ProfileName, Snapshot, Step, StepResult } from '../../interleaving';
import { connectProtocol, type ProtocolImplementation } from '../../adapters/protocol/client';
import { TargetError } from '../../adapters/targets';
import type { Mutant } from '../mutant';
import { oracleServerPath } from './repo-paths';

/**
 * A line-protocol program, started at the first reset (the handshake needs the profile) and kept
 * for every later interleaving of the same profile.
 */
class LazyProtocolImplementation implements Implementation {
  private inner: ProtocolImplementation | null = null;
  private profile: ProfileName | null = null;

  constructor(
    readonly name: string,
    private readonly argv: readonly string[],
  ) {}

  async reset(config: Config): Promise<void> {
    if (this.inner === null || this.profile !== config.profile) {
      await this.close();
      this.inner = await connectProtocol(this.argv, { profile: config.profile });
      this.profile = config.profile;
    }
    await this.inner.reset(config);
  }

  apply(step: Step): Promise<StepResult> {
    return this.live().apply(step) as Promise<StepResult>;
  }

  snapshot(): Promise<Snapshot> {
    const impl = this.live();
    if (!impl.snapshot) throw new Error(`${this.name}: the program gives no snapshots`);
    return impl.snapshot() as Promise<Snapshot>;
  }

  async close(): Promise<void> {
    const inner = this.inner;
    this.inner = null;
    await inner?.close();
  }

  private live(): ProtocolImplementation {
    if (this.inner === null) throw new Error(`${this.name}: reset(config) must be called before apply or snapshot`);
    return this.inner;
  }
}

/**
 * A mutant that is a separate program in front of the compiled oracle server (`cmd:` over the line
 * protocol). `program()` gives the proxy's own argv (building it if need be); the server's command
 * is appended.
 */
export function protocolMutant(name: string, seedLines: string, description: string, program: () => string[]): Mutant {
  return {
    name,
    seedLines,
    description,
    kind: 'protocol',
    create() {
      const server = oracleServerPath();
      if (!existsSync(server)) throw new TargetError(`mutant ${name} needs the compiled oracle server ${server}: run npm run build`);
      return new LazyProtocolImplementation(`mutant:${name}`, [...program(), process.execPath, server]);
    },
  };
}
