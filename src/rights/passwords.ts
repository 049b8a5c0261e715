// Password rules of NIST SP 800-63B §3.1.1.2 for every password that is set: at least 12 characters, not on the list
// of common and breached passwords shipped with the app (common-passwords.txt), and not easy to guess (zxcvbn with
// Dutch words and names), with a hint in Dutch. No composition rules (NIST advises against them).
import fs from 'node:fs';
import { type TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as dutchDictionary } from '@zxcvbn-ts/language-nl-be';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score (0–4) a new password must reach: 3 is "safely unguessable" (< 10^10 guesses is not enough). */
export const MIN_PASSWORD_SCORE = 3;

const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);

let list: Set<string> | undefined;
/** The shipped list (about 49,000 entries), read once. */
export function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(
    fs
      .readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('# ')),
  );
  return list;
}

const normalise = (password: string) => password.normalize('NFKC').toLowerCase();

/** Whether the password (case-insensitive) is on the list of common and breached passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(normalise(password));
}

// The hints in Dutch, addressing the user as "u" like the rest of the application.
const dutch: TranslationKeys = {
  warnings: {
    straightRow: 'Toetsen die op het toetsenbord naast elkaar liggen, zijn makkelijk te raden.',
    keyPattern: 'Korte toetsenbordpatronen zijn makkelijk te raden.',
    simpleRepeat: 'Herhaalde tekens zoals "aaa" zijn makkelijk te raden.',
    extendedRepeat: 'Herhaalde reeksen zoals "abcabcabc" zijn makkelijk te raden.',
    sequences: 'Reeksen zoals "abc" of "1234" zijn makkelijk te raden.',
    recentYears: 'Recente jaartallen zijn makkelijk te raden.',
    dates: 'Datums zijn makkelijk te raden.',
    topTen: 'Dit is een van de meest gebruikte wachtwoorden.',
    topHundred: 'Dit wachtwoord wordt heel veel gebruikt.',
    common: 'Dit wachtwoord wordt veel gebruikt.',
    similarToCommon: 'Dit lijkt op een veelgebruikt wachtwoord.',
    wordByItself: 'Losse woorden zijn makkelijk te raden.',
    namesByThemselves: 'Losse voor- of achternamen zijn makkelijk te raden.',
    commonNames: 'Veelvoorkomende voor- en achternamen zijn makkelijk te raden.',
    userInputs: 'Gebruik geen naam, gebruikersnaam of woorden die met deze toepassing te maken hebben.',
    pwned: 'Dit wachtwoord komt voor in een datalek.',
  },
  suggestions: {
    l33t: "Voorspelbare vervangingen zoals '@' voor 'a' helpen weinig.",
    reverseWords: 'Een woord achterstevoren schrijven helpt weinig.',
    allUppercase: 'Gebruik hoofdletters in een deel van het wachtwoord, niet overal.',
    capitalization: 'Een hoofdletter alleen aan het begin helpt weinig.',
    dates: 'Gebruik geen datums die met u te maken hebben.',
    recentYears: 'Gebruik geen recente jaartallen.',
    associatedYears: 'Gebruik geen jaartallen die met u te maken hebben.',
    sequences: 'Gebruik geen reeksen zoals "abc" of "1234".',
    repeated: 'Gebruik geen herhaalde woorden of tekens.',
    longerKeyboardPattern: 'Gebruik geen toetsenbordpatronen.',
    anotherWord: 'Voeg een paar ongewone woorden toe.',
    useWords: 'Gebruik een zin van vier of meer ongewone woorden.',
    noNeed: 'Speciale tekens, hoofdletters of cijfers zijn niet nodig voor een sterk wachtwoord.',
    pwned: 'Gebruikt u dit wachtwoord ergens anders, verander het daar dan ook.',
  },
  timeEstimation: {
    ltSecond: 'minder dan een seconde',
    second: '{base} seconde',
    seconds: '{base} seconden',
    minute: '{base} minuut',
    minutes: '{base} minuten',
    hour: '{base} uur',
    hours: '{base} uur',
    day: '{base} dag',
    days: '{base} dagen',
    month: '{base} maand',
    months: '{base} maanden',
    year: '{base} jaar',
    years: '{base} jaar',
    centuries: 'eeuwen',
  },
};

let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: dutch,
    graphs: adjacencyGraphs,
    // the shipped list replaces zxcvbn's own copy of it, so both checks use the same words
    dictionary: { ...commonDictionary, 'passwords-common': [...commonPasswords()], ...dutchDictionary },
  });
  return estimator;
}

/** Words a password must not be built on: the application and the user's own names. */
function contextWords(context: PasswordContext): string[] {
  const words = ['onderdak', 'maatschappelijke opvang'];
  for (const value of [context.username, context.name]) {
    if (!value) continue;
    words.push(
      value.toLowerCase(),
      ...value
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3),
    );
  }
  return words;
}

export interface PasswordContext {
  username?: string;
  name?: string;
}
export interface PasswordProblem {
  code: 'length' | 'common' | 'weak';
  reason: string;
}

/** The problem with a new password, in Dutch, or null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { code: 'length', reason: `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.` };
  }
  if (isCommonPassword(password)) {
    return {
      code: 'common',
      reason:
        'Dit wachtwoord staat op de lijst van veelgebruikte en uitgelekte wachtwoorden. Kies een ander, bijvoorbeeld een zin van vier of meer ongewone woorden.',
    };
  }
  const result = strength().check(password, contextWords(context));
  if (result.score < MIN_PASSWORD_SCORE) {
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
    if (!hint.length) hint.push(dutch.suggestions.useWords);
    return { code: 'weak', reason: ['Dit wachtwoord is te makkelijk te raden.', ...hint].join(' ') };
  }
  return null;
}
