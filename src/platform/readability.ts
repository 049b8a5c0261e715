// Readability of Dutch text: the Flesch–Douma score and LIX (issue 16: Mijn Onderdak must read at B1).
//
// - Flesch–Douma (Douma 1960, the Dutch adaptation of Flesch Reading Ease):
//     206.84 − 0.77 × (syllables per 100 words) − 0.93 × (words per sentence); higher is easier.
//     Common reading: 60–70 "vrij makkelijk", 70–80 "makkelijk", ≥ 80 "zeer makkelijk". We take ≥ 60 as B1 or easier.
// - LIX (Björnsson, used for Dutch by e.g. Cito and Klinkende Taal):
//     words per sentence + 100 × (words longer than 6 letters) / words; lower is easier.
//     Below 40 reads as "eenvoudig/normaal"; we take ≤ 40 as B1 or easier.
//
// No Dutch hyphenation package is installed, so syllables are counted here: one syllable per group of vowels, with
// the Dutch diphthongs and long vowels (aa, ee, oo, uu, ie, oe, eu, ui, ei, ij, ou, au, aai, ooi, oei, eeuw, ieuw)
// kept as one, and the common hiatuses (ea, ia, io, iu, eo, ua, uo, and a diaeresis: geëerd, ideeën) split.

export const B1_MIN_FLESCH_DOUMA = 60;
export const B1_MAX_LIX = 40;

const VOWELS = 'aeiouyáéíóúàèìòùâêîôûäëïöü';
/** Pairs of vowels that are two syllables (a hiatus), not one sound. */
const HIATUS = ['ea', 'ia', 'io', 'iu', 'eo', 'ua', 'uo', 'oa', 'ao'];

/** The number of syllables of one Dutch word (letters only; at least 1 for a word with a letter). */
export function syllables(word: string): number {
  const w = word
    .toLocaleLowerCase('nl')
    .replace(/ij/g, 'y') // the Dutch ij is one vowel
    .replace(/[^a-záéíóúàèìòùâêîôûäëïöü]/g, '');
  if (!w) return 0;
  let count = 0;
  let group = '';
  const flush = () => {
    if (!group) return;
    count += groupSyllables(group);
    group = '';
  };
  for (const ch of w) {
    if (VOWELS.includes(ch)) {
      // a diaeresis starts a new syllable: geëerd, ideeën, coördinatie
      if (group && 'ëïöü'.includes(ch)) flush();
      group += ch;
    } else flush();
  }
  flush();
  return Math.max(1, count);
}

function groupSyllables(g: string): number {
  if (g.length === 1) return 1;
  let n = 1;
  // hiatus inside the group (but "eau" as in bureau is one sound)
  for (let i = 0; i + 1 < g.length; i++) {
    const pair = g.slice(i, i + 2);
    if (HIATUS.includes(pair) && !(pair === 'ea' && g[i + 2] === 'u')) n++;
  }
  // aaie, ooie, oeie, uie (mooie, aaien, luie): the final -e is a syllable of its own
  if (g.length >= 3 && /(aai|ooi|oei|ui|eeuw)e$/.test(g)) n++;
  return n;
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  longWords: number;
  fleschDouma: number;
  lix: number;
}

/**
 * Scores a text. Sentences end at . ! ? : ; or a line break (headings, list items and buttons are sentences of
 * their own on a page); words are runs of letters (numbers and dates' digits are not words).
 */
export function readability(text: string): Readability {
  const parts = text
    .split(/[.!?:;]+(?=\s|$)|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  let words = 0;
  let syl = 0;
  let long = 0;
  for (const sentence of parts) {
    for (const w of sentence.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? []) {
      words++;
      syl += syllables(w);
      if (w.replace(/['’-]/g, '').length > 6) long++;
    }
  }
  const sentences = parts.length;
  if (!words || !sentences)
    return { words, sentences, syllables: syl, longWords: long, fleschDouma: Number.NaN, lix: Number.NaN };
  const wps = words / sentences;
  return {
    words,
    sentences,
    syllables: syl,
    longWords: long,
    fleschDouma: 206.84 - 0.77 * ((syl / words) * 100) - 0.93 * wps,
    lix: wps + (100 * long) / words,
  };
}

/** Within the B1 range (or easier) by both measures. */
export function isB1(r: Readability): boolean {
  return r.fleschDouma >= B1_MIN_FLESCH_DOUMA && r.lix <= B1_MAX_LIX;
}
