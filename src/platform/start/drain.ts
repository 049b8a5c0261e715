// Stopping without losing answers: on SIGTERM/SIGINT the server stops taking new requests, lets the ones in flight
// finish (each is one transaction: it commits or rolls back as a whole) and only then closes the database. Before,
// the database closed under requests still running, which then failed with "driver has already been destroyed".

import { unavailable } from './unavailable.js';

export const SHUTTING_DOWN_DETAIL = 'De server wordt opnieuw gestart. Probeer het over een paar seconden opnieuw.';

type Fetch = (req: Request, ...rest: never[]) => Response | Promise<Response>;

export interface Drain<F extends Fetch> {
  /** The fetch to serve: counts requests in flight, and answers 503 once the server is stopping. */
  fetch: F;
  /** How many requests are being handled now. */
  inFlight(): number;
  /** From now on new requests get 503 with Retry-After; resolves true when none is in flight, false at the deadline. */
  stop(deadlineMs: number): Promise<boolean>;
}

export function drainable<F extends Fetch>(fetch: F): Drain<F> {
  let running = 0;
  let stopping = false;
  let onIdle: (() => void) | null = null;
  const done = () => {
    running--;
    if (running === 0) onIdle?.();
  };
  const counted = (req: Request, ...rest: never[]) => {
    if (stopping) return unavailable(SHUTTING_DOWN_DETAIL, { retryAfter: 5, close: true });
    running++;
    let answer: Response | Promise<Response>;
    try {
      answer = fetch(req, ...rest);
    } catch (e) {
      done();
      throw e;
    }
    if (answer instanceof Promise) return answer.finally(done);
    done();
    return answer;
  };
  return {
    fetch: counted as F,
    inFlight: () => running,
    stop(deadlineMs) {
      stopping = true;
      if (running === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), deadlineMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
