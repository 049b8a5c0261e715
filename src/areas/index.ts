import type { RouteModule } from '../platform/http/kit.js';
import { registerAccountRoutes } from './admin/accounts.routes.js';
import { registerAdminRoutes } from './admin/admin.routes.js';
import { registerRegionRoutes } from './admin/region.routes.js';
import { registerSessionRoutes } from './admin/sessions.routes.js';
import { registerAftercareRoutes } from './aftercare/aftercare.routes.js';
import { registerCapacityPlanningRoutes } from './capacity-planning/planner.routes.js';
import { registerDailyCaseworkRoutes } from './casework/casework.routes.js';
import { registerClientPortalRoutes } from './client-portal/portal.routes.js';
import { registerFinanceRoutes } from './finance/finance.routes.js';
import { registerHeleBeeldRoutes } from './homelessness/hele-beeld.routes.js';
import { registerHousingRoutes } from './housing/housing.routes.js';
import { registerCorrectionRoutes } from './intake/corrections.routes.js';
import { registerIntakeRoutes } from './intake/intake.routes.js';
import { registerIntegrationRoutes } from './integrations/integrations.routes.js';
import { registerIwmoRoutes } from './iwmo/iwmo.routes.js';
import { registerNeighbourhoodRoutes } from './neighbourhood/neighbourhood.routes.js';
import { registerPublicPageRoutes } from './neighbourhood/public-page.routes.js'; // issue 17: openbare pagina beheren
import { registerPerspectiveRoutes } from './perspective/perspective.routes.js';
import { registerPreventionRoutes } from './prevention/prevention.routes.js';
import { registerPrivacyRoutes } from './privacy/privacy.routes.js';
import { registerRapportageRoutes } from './reporting/reporting.routes.js';
import { registerReferralRoutes } from './shelter/referrals.routes.js';
import { registerShelterRoutes } from './shelter/shelter.routes.js';
import { registerShiftRoutes } from './shelter/shift.routes.js';

// One line per area of the chain (domain.md §1); each module declares its documented routes on the shared kit.
export const AREA_ROUTES: RouteModule[] = [
  registerSessionRoutes,
  registerAdminRoutes,
  registerAccountRoutes, // issue 11 part A
  registerIntakeRoutes,
  registerCorrectionRoutes, // issue 12 part B
  registerShelterRoutes,
  registerPerspectiveRoutes,
  registerHousingRoutes,
  registerPreventionRoutes,
  registerAftercareRoutes,
  registerRapportageRoutes,
  registerDailyCaseworkRoutes, // issue 12 deel A
  registerRegionRoutes, // issue 11 part B
  registerReferralRoutes, // issue 14: verwijzing naar een locatie
  registerShiftRoutes, // issue 16: de dienst op een locatie
  registerClientPortalRoutes, // issue 16: Mijn Onderdak
  ...[registerFinanceRoutes, registerIntegrationRoutes, registerPrivacyRoutes], // issue 19: geld, koppelingen, AVG
  registerCapacityPlanningRoutes, // issue 18: capaciteitsplanner
  registerHeleBeeldRoutes, // issue 20: het hele beeld (namenlijst, veldwerk, afgewezen, maandstroom, datakwaliteit)
  registerIwmoRoutes, // issue 19: iWmo 3.2 met de zorgaanbieder
  registerNeighbourhoodRoutes, // issue 17: locaties en buurt
  registerPublicPageRoutes, // issue 17: openbare pagina en afspraken met de buurt beheren
];
