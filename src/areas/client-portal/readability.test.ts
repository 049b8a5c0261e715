import { describe, expect, it } from 'vitest';
import { alleVasteTeksten } from '../../../web/src/areas/client-portal/teksten.js';
import { B1_MAX_LIX, B1_MIN_FLESCH_DOUMA, isB1, readability, syllables } from '../../platform/readability.js';
import { ALL_PORTAL_TEXTS } from './portal-texts.js';

// Issue 16 — Mijn Onderdak reads at B1: the fixed texts of the page and the plain words the API gives the client are
// scored with Flesch–Douma and LIX (src/platform/readability.ts). The browser test scores the rendered page.

describe('lettergrepen tellen (Nederlands)', () => {
  it.each([
    ['tijd', 1],
    ['opvang', 2],
    ['mooie', 2],
    ['bureau', 2],
    ['geëerd', 2],
    ['lettergreep', 3],
    ['gezondheid', 3],
    ['ideaal', 3],
    ['ideeën', 3],
    ['uitkering', 3],
    ['beantwoorden', 4],
    ['informatie', 4],
    ['schuldhulpverlening', 5],
    ['woningcorporatie', 6],
  ])('%s heeft %i lettergrepen', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('leesbaarheid: Flesch–Douma en LIX', () => {
  it('een korte zin in gewone woorden is B1', () => {
    const r = readability('Je slaapt in de opvang. Je kamer is klein. Morgen praat je met Fatima.');
    expect(r.sentences).toBe(3);
    expect(r.words).toBe(14);
    expect(r.fleschDouma).toBeGreaterThanOrEqual(B1_MIN_FLESCH_DOUMA);
    expect(r.lix).toBeLessThanOrEqual(B1_MAX_LIX);
    expect(isB1(r)).toBe(true);
  });

  it('ambtelijke taal is geen B1 (de meting maakt verschil)', () => {
    const r = readability(
      'Ten behoeve van de uitvoering van de maatschappelijke opvang worden persoonsgegevens verwerkt overeenkomstig de toepasselijke wettelijke bepalingen inzake gegevensbescherming.',
    );
    expect(r.fleschDouma).toBeLessThan(B1_MIN_FLESCH_DOUMA);
    expect(r.lix).toBeGreaterThan(B1_MAX_LIX);
    expect(isB1(r)).toBe(false);
  });

  it('de formules: Douma = 206,84 − 0,77 × lettergrepen per 100 woorden − 0,93 × woorden per zin', () => {
    // 4 words, 1 sentence, 4 syllables ("Ik ga naar huis"), no long words
    const r = readability('Ik ga naar huis.');
    expect(r).toMatchObject({ words: 4, sentences: 1, syllables: 4, longWords: 0 });
    expect(r.fleschDouma).toBeCloseTo(206.84 - 0.77 * 100 - 0.93 * 4, 6);
    expect(r.lix).toBeCloseTo(4, 6);
  });
});

describe('Mijn Onderdak is B1', () => {
  it('de vaste teksten van de pagina zitten in het B1-bereik', () => {
    const r = readability(alleVasteTeksten().join('\n'));
    expect(r.words).toBeGreaterThan(150);
    expect(r.fleschDouma).toBeGreaterThanOrEqual(B1_MIN_FLESCH_DOUMA);
    expect(r.lix).toBeLessThanOrEqual(B1_MAX_LIX);
  });

  it('de gewone woorden die de API de cliënt geeft (levensgebieden, wie, wat, waarom) zitten in het B1-bereik', () => {
    const r = readability(ALL_PORTAL_TEXTS.join('\n'));
    expect(r.words).toBeGreaterThan(80);
    expect(r.fleschDouma).toBeGreaterThanOrEqual(B1_MIN_FLESCH_DOUMA);
    expect(r.lix).toBeLessThanOrEqual(B1_MAX_LIX);
  });
});
