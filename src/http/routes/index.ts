import type { ApiKit } from '../app.js';
import { registerRapportageRoutes } from './rapportages.js';
import { registerPreventionRoutes } from './prevention.js';
import { registerPerspectiveRoutes } from './perspective.js';
import { registerHousingRoutes } from './housing.js';

// One line per area: each module declares its routes (documented in /v1/openapi.json) on the shared kit.
export const ROUTE_MODULES: ((kit: ApiKit) => void)[] = [registerRapportageRoutes, registerPreventionRoutes, registerPerspectiveRoutes, registerHousingRoutes];
