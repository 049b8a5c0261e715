// What the client signs (pure, tested in plan-changes.test.ts): the fingerprint of the agreement, and what changed
// in it since a signed version, in plain Dutch.
import crypto from 'node:crypto';
import { datumTekst } from '../../platform/dates.js';
import type { SignedContent } from './plans.dto.js';

export type { SignedContent } from './plans.dto.js';

/**
 * Fingerprint of the agreement: the client's words and wishes, goals and actions with owner and due date. Progress
 * (statuses) is left out on purpose: finishing an action is working the plan, not a new plan to sign.
 */
export function agreementHash(c: SignedContent): string {
  const agreement = {
    eigenWoorden: c.eigenWoorden ?? null,
    wensen: c.wensen ?? null,
    doelen: c.doelen.map((g) => ({
      levensgebied: g.levensgebied,
      omschrijving: g.omschrijving,
      acties: g.acties.map((a) => [a.omschrijving, a.eigenaarOrganisatie, a.eigenaarNaam ?? null, a.uiterlijk]),
    })),
  };
  return crypto.createHash('sha256').update(JSON.stringify(agreement)).digest('hex');
}

const dateNl = (iso: string) => datumTekst(iso);
const ownerOf = (a: {
  eigenaarOrganisatie: string;
  eigenaarOrganisatieLabel: string | null;
  eigenaarNaam: string | null;
}) => `${a.eigenaarOrganisatieLabel ?? a.eigenaarOrganisatie}${a.eigenaarNaam ? ` — ${a.eigenaarNaam}` : ''}`;

/**
 * What changed in the agreement since a signed version, in plain Dutch: the list to go through with the client before
 * signing again. Goals and actions are matched by id; progress (statuses) is not a change, as in agreementHash.
 */
export function agreementChanges(before: SignedContent, now: SignedContent): string[] {
  const out: string[] = [];
  if ((before.eigenWoorden ?? '') !== (now.eigenWoorden ?? ''))
    out.push('De eigen woorden van de cliënt zijn gewijzigd.');
  if ((before.wensen ?? '') !== (now.wensen ?? '')) out.push('De wensen van de cliënt zijn gewijzigd.');
  const earlier = new Map(before.doelen.map((g) => [g.id, g]));
  for (const g of now.doelen) {
    const o = earlier.get(g.id);
    if (!o) out.push(`Nieuw doel: ${g.levensgebiedLabel}: ${g.omschrijving}.`);
    else if (o.omschrijving !== g.omschrijving || o.levensgebied !== g.levensgebied)
      out.push(`Doel gewijzigd: „${o.omschrijving}” is nu ${g.levensgebiedLabel}: „${g.omschrijving}”.`);
    const earlierActions = new Map((o?.acties ?? []).map((a) => [a.id, a]));
    for (const a of g.acties) {
      const oa = earlierActions.get(a.id);
      if (!oa) {
        out.push(
          `Nieuwe actie bij ${g.omschrijving}: ${a.omschrijving} (${ownerOf(a)}, uiterlijk ${dateNl(a.uiterlijk)}).`,
        );
        continue;
      }
      const what: string[] = [];
      if (oa.omschrijving !== a.omschrijving) what.push(`was „${oa.omschrijving}”`);
      if (ownerOf(oa) !== ownerOf(a)) what.push(`uitvoerder ${ownerOf(oa)} → ${ownerOf(a)}`);
      if (oa.uiterlijk !== a.uiterlijk) what.push(`uiterlijk ${dateNl(oa.uiterlijk)} → ${dateNl(a.uiterlijk)}`);
      if (what.length) out.push(`Actie gewijzigd: ${a.omschrijving} (${what.join('; ')}).`);
    }
    for (const oa of o?.acties ?? [])
      if (!g.acties.some((a) => a.id === oa.id)) out.push(`Actie niet meer in het plan: ${oa.omschrijving}.`);
  }
  for (const o of before.doelen)
    if (!now.doelen.some((g) => g.id === o.id)) out.push(`Doel niet meer in het plan: ${o.omschrijving}.`);
  // the fingerprint also sees order; never say "changed" without saying something
  if (!out.length && agreementHash(before) !== agreementHash(now))
    out.push('De volgorde van doelen of acties is gewijzigd.');
  return out;
}
