// Client search (issue 12): name words in any order and form, with or without diacritics, one typo tolerated; a birth
// date; a client number. Matching runs in the database on clients.search_keys (kept by a trigger, migration 0015:
// 'w:' + every name word, 'p:' + every prefix of it, 'd:' + the word and its one-letter deletions), through a GIN index:
// no pg_trgm, no per-row work in JavaScript.
import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import { textArray } from '../../platform/db/arrays.js';
import type { DB } from '../../platform/db/schema.js';
import { isIsoDate } from '../../platform/validation.js';

/** The same normalisation as onderdak_norm() in the database: lower case, no diacritics, other characters a space. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The word and, from 4 letters, every form with one letter deleted (matches one typo against the stored keys). */
export function deletionForms(word: string): string[] {
  const forms = new Set([word]);
  if (word.length >= 4) for (let i = 0; i < word.length; i++) forms.add(word.slice(0, i) + word.slice(i + 1));
  return [...forms];
}

export interface ParsedSearch {
  words: string[];
  birthDates: string[];
  clientNumbers: string[];
}

/** '12-3-1985', '12/03/1985' and '1985-03-12' are birth dates; 8+ hex characters with a digit a client number. */
export function parseSearch(input: string): ParsedSearch {
  const out: ParsedSearch = { words: [], birthDates: [], clientNumbers: [] };
  for (const raw of input.split(/[\s,;]+/).filter(Boolean)) {
    const nl = raw.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
    const iso = nl ? `${nl[3]}-${nl[2].padStart(2, '0')}-${nl[1].padStart(2, '0')}` : raw;
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      if (isIsoDate(iso)) out.birthDates.push(iso);
      continue;
    }
    if (raw.length >= 8 && /^[0-9a-f-]+$/i.test(raw) && /\d/.test(raw)) {
      out.clientNumbers.push(raw.toLowerCase());
      continue;
    }
    out.words.push(...normaliseName(raw).split(' ').filter(Boolean));
  }
  return out;
}

/** Every part of the search must match: each name word (prefix, or one typo), the birth date, the client number. */
export function searchMatches(s: ParsedSearch) {
  return (eb: ExpressionBuilder<DB, 'clients'>) =>
    eb.and([
      ...s.words.map((w) =>
        w.length >= 4
          ? eb.or([
              eb(sql`clients.search_keys`, '@>', textArray([`p:${w}`])),
              eb(sql`clients.search_keys`, '&&', textArray(deletionForms(w).map((f) => `d:${f}`))),
            ])
          : eb(sql`clients.search_keys`, '@>', textArray([`p:${w}`])),
      ),
      ...s.birthDates.map((d) => eb('clients.birth_date', '=', d)),
      ...s.clientNumbers.map((n) => eb('clients.id', 'like', `${n.replace(/[%_\\]/g, '')}%`)),
    ]);
}

/** Higher for better matches: a whole word 2, a prefix 1, a typo 0 (for ordering). */
export function searchRank(s: ParsedSearch): RawBuilder<number> {
  if (!s.words.length) return sql<number>`0`;
  return sql<number>`(${sql.join(
    s.words.map(
      (w) =>
        sql`(CASE WHEN clients.search_keys @> ${textArray([`w:${w}`])} THEN 2 WHEN clients.search_keys @> ${textArray([`p:${w}`])} THEN 1 ELSE 0 END)`,
    ),
    sql` + `,
  )})`;
}

export const isEmptySearch = (s: ParsedSearch) => !s.words.length && !s.birthDates.length && !s.clientNumbers.length;
