// Issue 20: het hele beeld — one entry in AREA_ROUTES for the by-name list, veldwerk, turn-aways, the monthly flow
// (this folder) and data quality (src/areas/data-quality/).
import type { ApiKit } from '../../platform/http/kit.js';
import { registerDataQualityRoutes } from '../data-quality/data-quality.routes.js';
import { registerHomelessnessRoutes } from './homelessness.routes.js';

export function registerHeleBeeldRoutes(kit: ApiKit) {
  registerHomelessnessRoutes(kit);
  registerDataQualityRoutes(kit);
}
