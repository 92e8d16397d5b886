import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Implementation, ProfileName } from '../../interleaving';
import { ConfigInvalid, ConfigUnsupported, StepRejected } from '../../interleaving';
import { decodeRequest, encodeLine, RequestInvalid } from './decode';
import { PROTOCOL_VERSION, type ErrorKind, type Request, type Response } from './messages';

export interface ServeOptions {
  /** The profiles the implementation models; a hello for another one is refused (default: any). */
  profiles?: readonly ProfileName[];
}

function errorResponse(seq: number, kind: ErrorKind, message: string): Response {
  return { type: 'error', seq, error: { kind, message } };
}

/** The one response to one decoded request. */
async function answer(impl: Implementation, req: Request, o: ServeOptions): Promise<Response> {
  switch (req.type) {
    case 'hello':
      if (req.version !== PROTOCOL_VERSION) return errorResponse(req.seq, 'unsupported', `protocol version ${req.version}; this server speaks ${PROTOCOL_VERSION}`);
      if (o.profiles && !o.profiles.includes(req.profile as ProfileName)) return errorResponse(req.seq, 'unsupported', `profile ${req.profile}; this server models ${o.profiles.join(', ')}`);
      return { type: 'hello', seq: req.seq, version: PROTOCOL_VERSION, name: impl.name, snapshots: typeof impl.snapshot === 'function' };
    case 'reset':
      try {
        await impl.reset(req.config);
      } catch (e) {
        if (e instanceof ConfigUnsupported) return errorResponse(req.seq, 'unsupported', e.reason);
        if (e instanceof ConfigInvalid) return errorResponse(req.seq, 'protocol', e.message); // the runner sent a config no model runs
        throw e;
      }
      return { type: 'ok', seq: req.seq };
    case 'step':
      try {
        return { type: 'result', seq: req.seq, result: await impl.apply(req.step) };
      } catch (e) {
        if (e instanceof StepRejected) return errorResponse(req.seq, 'rejected', e.message);
        throw e;
      }
    case 'snapshot':
      if (!impl.snapshot) return errorResponse(req.seq, 'unsupported', 'this implementation gives no snapshots');
      return { type: 'snapshot', seq: req.seq, snapshot: await impl.snapshot() };
    case 'bye':
      return { type: 'ok', seq: req.seq };
  }
}

/**
 * Serve an in-process Implementation over the line protocol: requests on `input`, responses on
 * `output`, strictly in order. Resolves when the client says bye or closes the input.
 */
export async function serve(impl: Implementation, input: Readable, output: Writable, o: ServeOptions = {}): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      let req: Request;
      try {
        req = decodeRequest(line);
      } catch (e) {
        if (!(e instanceof RequestInvalid)) throw e;
        output.write(encodeLine(errorResponse(e.seq, 'protocol', e.message)));
        continue;
      }
      let res: Response;
      try {
        res = await answer(impl, req, o);
      } catch (e) {
        res = errorResponse(req.seq, 'internal', e instanceof Error ? e.message : String(e));
      }
      output.write(encodeLine(res));
      if (req.type === 'bye') break;
    }
  } finally {
    lines.close();
    await impl.close?.();
  }
}
