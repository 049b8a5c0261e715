import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../platform/errors.js';
import { CASE_TRANSITIONS, eventOf, nextStatus } from './case-status.js';
import { checkCsv, parseAmount, parseCsv, parseDate, validateSignal } from './signal-csv.js';

const TODAY = '2026-11-23';

describe('CSV met signalen', () => {
  it('leest ; en , als scheidingsteken, met aanhalingstekens en lege regels', () => {
    expect(parseCsv('a;b;c\r\n1;"x;y";3\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', '3'],
    ]);
    expect(parseCsv('a,b\n"he said ""hi""",2')).toEqual([
      ['a', 'b'],
      ['he said "hi"', '2'],
    ]);
  });
  it('leest bedragen en datums zoals spreadsheets ze exporteren', () => {
    expect([
      parseAmount('1.234,56'),
      parseAmount('812,50'),
      parseAmount('€ 99'),
      parseAmount('12.5'),
      parseAmount('abc'),
      parseAmount(''),
    ]).toEqual([1234.56, 812.5, 99, 12.5, null, null]);
    expect([parseDate('2026-02-28'), parseDate('3-11-2026'), parseDate('31-02-2026'), parseDate('2026-13-01')]).toEqual(
      ['2026-02-28', '2026-11-03', null, null],
    );
  });
  it('geeft per regel alle fouten met regelnummer en houdt de goede regels', () => {
    const csv = [
      'bron;bronnaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden',
      'corporatie;Trivire;T-1;2026-11-01;Jan;Jansen;1980-01-01;123456782;3311 ab;12;812,50;2',
      'bank;Trivire;T-2;2026-12-01;;Jansen;;123456789;0311AB;x;-5;twee',
      'energie;Eneco;E-1;01-11-2026;Piet;Bos;;;3312CD;4a;150;1',
      'corporatie;Trivire;T-1;2026-11-02;Jan;Jansen;;;3311AB;12;10;1',
    ].join('\n');
    const r = checkCsv(csv, TODAY);
    expect(r.bestandsfouten).toEqual([]);
    expect(r.rows.map((x) => [x.rij, x.status])).toEqual([
      [2, 'geldig'],
      [3, 'fout'],
      [4, 'geldig'],
      [5, 'fout'],
    ]);
    expect(r.rows[0]!.value).toMatchObject({
      postcode: '3311AB',
      amount_arrears: 812.5,
      months_arrears: 2,
      bsn: '123456782',
    });
    expect(r.rows[2]!.value).toMatchObject({
      signal_date: '2026-11-01',
      house_number: '4A',
      bsn: null,
      birth_date: null,
    });
    expect(r.rows[1]!.fouten.map((f) => f.veld)).toEqual([
      'bron',
      'datum',
      'voornaam',
      'bsn',
      'postcode',
      'huisnummer',
      'bedragAchterstand',
      'maandenAchterstand',
    ]);
    expect(r.rows[1]!.fouten.find((f) => f.veld === 'bsn')!.reden).toContain('elfproef');
    expect(r.rows[3]!.fouten).toEqual([
      { veld: 'referentie', reden: 'Dit kenmerk van deze melder staat ook op regel 2.' },
    ]);
  });
  it('meldt ontbrekende kolommen als fout van het hele bestand', () => {
    const r = checkCsv('naam;bedrag\nJan;10', TODAY);
    expect(r.rows).toEqual([]);
    expect(r.bestandsfouten[0]).toMatch(/^Kolommen ontbreken/);
  });
  it('valideert één signaal: BSN met elfproef, postcode zonder spatie', () => {
    const ok = validateSignal(
      {
        bron: 'water',
        bronNaam: 'Evides',
        referentie: 'W1',
        datum: '2026-10-01',
        voornaam: 'A',
        achternaam: 'B',
        bsn: '111222333',
        postcode: '3311 AB',
        huisnummer: '1',
        bedragAchterstand: 40,
        maandenAchterstand: 3,
      },
      TODAY,
    );
    expect(ok.problems).toEqual([]);
    expect(ok.value).toMatchObject({ postcode: '3311AB', bsn: '111222333' });
  });
});

describe('statusovergangen preventiezaak', () => {
  it('volgt de tabel en weigert de rest met 409', () => {
    expect(nextStatus('nieuw', eventOf({ soort: 'contactpoging', bereikt: false }))).toBe('benaderd');
    expect(nextStatus('benaderd', eventOf({ soort: 'huisbezoek', bereikt: true }))).toBe('in-contact');
    expect(nextStatus('in-contact', eventOf({ soort: 'uitkomst', uitkomst: 'huisuitzetting-voorkomen' }))).toBe(
      'afgesloten',
    );
    expect(nextStatus('benaderd', eventOf({ soort: 'uitkomst', uitkomst: 'geen-contact' }))).toBe('afgesloten');
    expect(() => nextStatus('nieuw', eventOf({ soort: 'uitkomst', uitkomst: 'opgelost' }))).toThrow(ConflictError);
    expect(() => nextStatus('benaderd', eventOf({ soort: 'uitkomst', uitkomst: 'opgelost' }))).toThrow(
      /pas als er contact is geweest/,
    );
    expect(() => nextStatus('in-contact', eventOf({ soort: 'uitkomst', uitkomst: 'geen-contact' }))).toThrow(
      ConflictError,
    );
    expect(() => nextStatus('afgesloten', eventOf({ soort: 'contactpoging', bereikt: true }))).toThrow(/afgesloten/);
    expect(Object.keys(CASE_TRANSITIONS.afgesloten)).toEqual([]);
  });
});
