import type { ApiKit } from '../../platform/http/kit.js';

// Nazorg (waakvlam), budgetbeheer and terugval: the routes still live in prevention.routes.ts until they move here.
export function registerAftercareRoutes(_kit: ApiKit) {}
