import type { Problems } from '../../platform/errors.js';

// Field checks shared by the services of actielijn 2 (the date rule itself is checkPastDate in platform/dates.ts).

/** The reason of a date before its lower bound, naming the bound: "De datum mag niet vóór de start van het traject (…) liggen." */
export const notBefore = (what: string) => `De datum mag niet vóór ${what} liggen.`;

/** A free text: trimmed, required when asked, at most `max` characters; '' becomes null. */
export function checkText(
  p: Problems,
  field: string,
  value: string | null | undefined,
  opts: { required?: boolean; max?: number; label: string },
) {
  const v = value?.trim() ?? '';
  if (opts.required && !v) p.add(field, 'required', `Vul ${opts.label} in.`);
  if (v.length > (opts.max ?? 2000))
    p.add(
      field,
      'length',
      `${opts.label[0]!.toUpperCase()}${opts.label.slice(1)} mag hoogstens ${opts.max ?? 2000} tekens hebben.`,
    );
  return v || null;
}
