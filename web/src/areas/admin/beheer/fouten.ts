/** Client-side checks of a management form: field → message (or undefined when fine). */
export type Fouten = Record<string, string | undefined>;
export const heeftFout = (f: Fouten) => Object.values(f).some(Boolean);
