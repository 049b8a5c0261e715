// "Kans van slagen" (landelijke toegankelijkheid): emergency shelter is never refused for lack of regional ties;
// afterwards these factors decide which centrumgemeente is best placed to keep the case.

export interface RegionalTieInput {
  jarenInRegio: number;
  sociaalNetwerkInRegio: boolean;
  bekendBijLokaleZorg: boolean;
  wensClient: 'deze-regio' | 'andere-regio' | 'geen-voorkeur';
  andereTenantId?: string | null;
  /** Issue 12: the client agreed to hand over the minimal data to the other centrumgemeente. */
  toestemmingOverdracht?: boolean | null;
}

export interface RegionalTieAssessment {
  score: number;
  blijftHier: boolean;
  warmeOverdracht: boolean;
  toelichting: string[];
}

/** Score ≥ KEEP_THRESHOLD keeps the case here; below it, with another centrumgemeente named, a warm handover follows. */
export const KEEP_THRESHOLD = 2;

export function assessRegionalTie(input: RegionalTieInput): RegionalTieAssessment {
  const toelichting: string[] = [];
  let score = 0;
  const years = Math.max(0, input.jarenInRegio);
  const yearPoints = years >= 3 ? 2 : years >= 1 ? 1 : 0;
  score += yearPoints;
  toelichting.push(`${years} jaar in de regio: ${yearPoints} punt${yearPoints === 1 ? '' : 'en'}`);
  if (input.sociaalNetwerkInRegio) {
    score += 2;
    toelichting.push('Sociaal netwerk in de regio: 2 punten');
  } else toelichting.push('Geen sociaal netwerk in de regio: 0 punten');
  if (input.bekendBijLokaleZorg) {
    score += 1;
    toelichting.push('Bekend bij lokale zorg: 1 punt');
  }
  if (input.wensClient === 'deze-regio') {
    score += 2;
    toelichting.push('Cliënt wil in deze regio blijven: 2 punten');
  }
  if (input.wensClient === 'andere-regio') {
    score -= 2;
    toelichting.push('Cliënt wil naar een andere regio: −2 punten');
  }
  const canHandOver = !!input.andereTenantId;
  const blijftHier = score >= KEEP_THRESHOLD || !canHandOver;
  if (blijftHier && score < KEEP_THRESHOLD)
    toelichting.push('Lage score, maar geen andere centrumgemeente aangewezen: de zaak blijft hier.');
  toelichting.push(
    blijftHier
      ? `Score ${score}: deze centrumgemeente houdt de zaak.`
      : `Score ${score} (< ${KEEP_THRESHOLD}): warme overdracht naar de andere centrumgemeente; noodopvang blijft tot de overdracht.`,
  );
  return { score, blijftHier, warmeOverdracht: !blijftHier, toelichting };
}
