import type { Ctx } from '../rights/context.js';
import type { Problems } from './errors.js';
import { isIsoDate, todayInNl } from './validation.js';

/**
 * A date of something that happened: valid, not in the future, and not before `min` when given (`minReason`: the
 * Dutch reason that names what `min` is, e.g. "De datum ligt vóór de uitstroom (2026-06-15).").
 */
export function checkPastDate(
  p: Problems,
  ctx: Ctx,
  field: string,
  value: string | undefined,
  min?: string,
  minReason?: string,
) {
  if (!value || !isIsoDate(value)) {
    p.add(field, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
    return;
  }
  if (value > todayInNl(ctx.now)) p.add(field, 'future', 'De datum mag niet in de toekomst liggen.');
  if (min && value < min) p.add(field, 'range', minReason ?? `De datum mag niet vóór ${min} liggen.`);
}
