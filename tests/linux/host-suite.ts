import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Fixture, Implementation } from '../../interleaving';
import { createHostImplementation, hostAvailability } from '../../adapters/host/target';
import { readFixture } from '../../runner/fixture-reader';

const available = hostAvailability();
let said = false;

/** `describe` when this machine's kernel can be driven, else `describe.skip` after ONE line saying why. */
export function describeOnHost(name: string, body: () => void): void {
  if (!available.ok && !said) {
    said = true;
    console.warn(`linux host tests skipped: ${available.why}`);
  }
  (available.ok ? describe : describe.skip)(name, body);
}

/** The host kernel for a test body; closed afterwards whatever happens. */
export async function withHostKernel<T>(fn: (host: Implementation) => Promise<T>): Promise<T> {
  const host = await createHostImplementation({ timeoutMs: 3000 });
  try {
    return await fn(host);
  } finally {
    await host.close?.();
  }
}

/** Every fixture of fixtures/ that applies to Linux (its profiles name `linux`), found failures aside. */
export function linuxFixtures(): Fixture[] {
  const root = path.resolve(__dirname, '..', '..', 'fixtures');
  const out: Fixture[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(path.join(root, dir.name)).filter((n) => n.endsWith('.json')).sort()) {
      const fixture = readFixture(path.join(root, dir.name, f));
      if (fixture.profiles?.includes('linux') && fixture.kind !== 'failure') out.push(fixture);
    }
  }
  return out;
}
