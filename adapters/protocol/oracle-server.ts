/**
 * The oracle behind the line protocol: `cmd:node dist/adapters/protocol/oracle-server.js`.
 * The reference for anyone writing a server in another language, and the proof that the
 * protocol loses nothing (a run through it must agree with the in-process oracle).
 */
import { createOracle } from '../../oracle';
import { serve } from './server';

serve(createOracle(), process.stdin, process.stdout).then(
  () => process.exit(0),
  (e: unknown) => {
    // The protocol allows nothing on stderr while serving; at this point the session is over.
    process.stderr.write(`oracle-server: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
