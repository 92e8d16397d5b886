import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root: the nearest directory above this file with a package.json (works from dist/ too). */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`mutants: no package.json above ${from}`);
  }
}

/** The compiled oracle server the proxy mutants put themselves in front of. */
export function oracleServerPath(root = repoRoot()): string {
  return join(root, 'dist/adapters/protocol/oracle-server.js');
}
