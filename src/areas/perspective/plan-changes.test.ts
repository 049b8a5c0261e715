import { describe, expect, it } from 'vitest';
import { agreementChanges, agreementHash, type SignedContent } from './plan-agreement.js';

// What the plan says changed since the last signing (pure; the worker goes through this list with the client).
const action = (id: string, over: Partial<SignedContent['doelen'][number]['acties'][number]> = {}) => ({
  id,
  omschrijving: `Actie ${id}`,
  eigenaarOrganisatie: 'schuldhulp',
  eigenaarOrganisatieLabel: 'Schuldhulpverlening',
  eigenaarNaam: null,
  uiterlijk: '2026-12-01',
  status: 'gepland',
  statusLabel: 'Gepland',
  ...over,
});
const signed: SignedContent = {
  client: { voornaam: 'Fenna', achternaam: 'Versie', geboortedatum: '1985-03-03' },
  trajectStart: '2026-11-15',
  plaatsingsdatum: '2026-11-16',
  opgesteldOp: '2026-11-19',
  eigenWoorden: 'Een eigen plek.',
  wensen: 'Zwijndrecht',
  doelen: [
    {
      id: 'g1',
      levensgebied: 'financien',
      levensgebiedLabel: 'Financiën',
      omschrijving: 'Schulden op een rij',
      status: 'actief',
      statusLabel: 'Actief',
      acties: [action('a1'), action('a2')],
    },
    {
      id: 'g2',
      levensgebied: 'werk',
      levensgebiedLabel: 'Dagbesteding',
      omschrijving: 'Vrijwilligerswerk',
      status: 'actief',
      statusLabel: 'Actief',
      acties: [],
    },
  ],
};
const copy = (): SignedContent => JSON.parse(JSON.stringify(signed));

describe('wijzigingen sinds de ondertekening', () => {
  it('voortgang (statussen) is geen wijziging van de afspraken', () => {
    const now = copy();
    now.doelen[0]!.status = 'bereikt';
    now.doelen[0]!.acties[0]!.status = 'afgerond';
    expect(agreementChanges(signed, now)).toEqual([]);
    expect(agreementHash(now)).toBe(agreementHash(signed));
  });

  it('noemt nieuwe, gewijzigde en verdwenen doelen en acties en gewijzigde eigen woorden', () => {
    const now = copy();
    now.eigenWoorden = 'Een eigen plek in Zwijndrecht.';
    now.doelen[0]!.acties[0] = action('a1', {
      uiterlijk: '2026-12-15',
      eigenaarOrganisatie: 'trajecthouder',
      eigenaarOrganisatieLabel: 'Trajecthouder',
      eigenaarNaam: 'Fatima',
    });
    now.doelen[0]!.acties.splice(1, 1);
    now.doelen[0]!.acties.push(action('a3', { omschrijving: 'Budgetcoach vragen' }));
    now.doelen.splice(1, 1);
    now.doelen.push({
      id: 'g3',
      levensgebied: 'huisvesting',
      levensgebiedLabel: 'Huisvesting',
      omschrijving: 'Inschrijven als woningzoekende',
      status: 'actief',
      statusLabel: 'Actief',
      acties: [],
    });
    expect(agreementChanges(signed, now)).toEqual([
      'De eigen woorden van de cliënt zijn gewijzigd.',
      'Actie gewijzigd: Actie a1 (uitvoerder Schuldhulpverlening → Trajecthouder — Fatima; uiterlijk 1 december 2026 → 15 december 2026).',
      'Nieuwe actie bij Schulden op een rij: Budgetcoach vragen (Schuldhulpverlening, uiterlijk 1 december 2026).',
      'Actie niet meer in het plan: Actie a2.',
      'Nieuw doel: Huisvesting: Inschrijven als woningzoekende.',
      'Doel niet meer in het plan: Vrijwilligerswerk.',
    ]);
    expect(agreementHash(now)).not.toBe(agreementHash(signed));
  });

  it('een andere volgorde alleen wordt ook gemeld, zodat "gewijzigd" nooit zonder uitleg staat', () => {
    const now = copy();
    now.doelen.reverse();
    expect(agreementChanges(signed, now)).toEqual(['De volgorde van doelen of acties is gewijzigd.']);
  });
});
