import type { Ctx } from '../rights/context.js';
import type { Problems } from './errors.js';
import { isIsoDate, todayInNl } from './validation.js';

/** A date of something that happened: valid, not in the future, and not before `min` when given. */
export function checkPastDate(p: Problems, ctx: Ctx, field: string, value: string | undefined, min?: string) {
  if (!value || !isIsoDate(value)) { p.add(field, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).'); return; }
  if (value > todayInNl(ctx.now)) p.add(field, 'future', 'De datum mag niet in de toekomst liggen.');
  if (min && value < min) p.add(field, 'range', `De datum mag niet vóór ${min} liggen.`);
}
