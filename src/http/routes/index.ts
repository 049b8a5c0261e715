import type { ApiKit } from '../app.js';

// One line per area: each module declares its routes (documented in /v1/openapi.json) on the shared kit.
export const ROUTE_MODULES: ((kit: ApiKit) => void)[] = [];
