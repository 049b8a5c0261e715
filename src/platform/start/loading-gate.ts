// Issue 15, fast start: the server answers at once while the demo region is still loading in the background. Until
// it is loaded, a login (POST /v1/sessies) and the API root (GET /v1, which start scripts and health checks poll)
// answer 503 with a Dutch problem and Retry-After, instead of "onbekende gebruiker" for users that do not exist yet.
// Everything else (the web app, the OpenAPI document) is served as usual.

import { unavailable } from './unavailable.js';

export const DEMO_LOADING_DETAIL = 'De demo wordt nog geladen. Probeer het over een halve minuut opnieuw.';

type Fetch = (req: Request, ...rest: never[]) => Response | Promise<Response>;

export function demoLoadingGate<F extends Fetch>(fetch: F, isLoading: () => boolean): F {
  const gated = (req: Request, ...rest: never[]) => {
    if (isLoading()) {
      const { pathname } = new URL(req.url);
      const p = pathname.replace(/\/+$/, '');
      if ((req.method === 'POST' && p === '/v1/sessies') || (req.method === 'GET' && p === '/v1')) {
        return unavailable(DEMO_LOADING_DETAIL, { title: 'Nog niet beschikbaar', retryAfter: 10, instance: pathname });
      }
    }
    return fetch(req, ...rest);
  };
  return gated as F;
}
