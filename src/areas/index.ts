import type { RouteModule } from '../platform/http/kit.js';
import { registerAdminRoutes } from './admin/admin.routes.js';
import { registerSessionRoutes } from './admin/sessions.routes.js';
import { registerAftercareRoutes } from './aftercare/aftercare.routes.js';
import { registerHousingRoutes } from './housing/housing.routes.js';
import { registerIntakeRoutes } from './intake/intake.routes.js';
import { registerPerspectiveRoutes } from './perspective/perspective.routes.js';
import { registerPreventionRoutes } from './prevention/prevention.routes.js';
import { registerRapportageRoutes } from './reporting/reporting.routes.js';
import { registerReferralRoutes } from './shelter/referrals.routes.js';
import { registerShelterRoutes } from './shelter/shelter.routes.js';

// One line per area of the chain (domain.md §1); each module declares its documented routes on the shared kit.
export const AREA_ROUTES: RouteModule[] = [
  registerSessionRoutes,
  registerAdminRoutes,
  registerIntakeRoutes,
  registerShelterRoutes,
  registerPerspectiveRoutes,
  registerHousingRoutes,
  registerPreventionRoutes,
  registerAftercareRoutes,
  registerRapportageRoutes,
  registerReferralRoutes, // issue 14: verwijzing naar een locatie
];
