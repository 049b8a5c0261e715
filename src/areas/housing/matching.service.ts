// Matching in both directions (ranked, with an explanation per position) and the batch proposal: the optimal
// assignment of all free homes to all ready clients. Nothing here is stored; every person shown is audited.

import { todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { greedyAssignment } from './assignment.js';
import { solveAssignment } from './assignment.worker.js';
import { candidateDto, toMatchCandidate } from './candidates.dto.js';
import { loadCandidate } from './candidates.service.js';
import { compileScorer, rankCandidatesForUnit } from './fastscore.js';
import { candidateQuery, municipalityNames, unitQuery } from './housing.queries.js';
import { MATCHING_RULES, pairDto } from './matching.dto.js';
import { evaluatePair, FAIRNESS_RULE, rankPairs } from './matching.js';
import { toMatchUnit, unitDto } from './units.dto.js';
import { loadUnit } from './units.service.js';

/** Ranked suitable ready clients for a free home. */
export async function candidatesForUnit(ctx: Ctx, unitId: string, q: { limiet?: number } = {}) {
  authorize(ctx, 'wonen.kandidatenZien');
  const names = await municipalityNames(ctx);
  const unit = await loadUnit(ctx, unitId);
  const today = todayInNl(ctx.now);
  const rows = await candidateQuery(ctx).where('housing_candidates.status', '=', 'woonklaar').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { ranked: rankedMc, feasible } = rankCandidatesForUnit(
    toMatchUnit(unit, names),
    rows.map((c) => toMatchCandidate(c, today)),
    today,
    q.limiet ?? 50,
  );
  const resultaten = rankedMc.flatMap((r) => {
    const row = byId.get(r.item.id);
    return row
      ? [{ kandidaat: candidateDto(ctx.actor, row, names, today), ...pairDto(r.result, r.rank, r.uitleg) }]
      : [];
  });
  await auditPersons(
    ctx,
    resultaten.map((r) => r.kandidaat.clientId),
    {
      action: 'zoeken',
      resource: 'woonkandidaten bij woonplek',
      detail: `woonplek ${unitId}: ${resultaten.length} passend`,
    },
  );
  return {
    woonplek: unitDto(ctx.actor, unit, names),
    regels: MATCHING_RULES,
    resultaten,
    nietPassend: rows.length - feasible,
  };
}

/** Ranked suitable free homes for a ready client, plus the homes that do not fit and why. */
export async function unitsForCandidate(ctx: Ctx, candidateId: string, q: { limiet?: number } = {}) {
  const c = await loadCandidate(ctx, candidateId);
  const names = await municipalityNames(ctx);
  const today = todayInNl(ctx.now);
  const units = await unitQuery(ctx).where('housing_units.status', '=', 'beschikbaar').execute();
  const mc = toMatchCandidate(c, today);
  const evaluated = units.map((u) => ({
    item: u,
    result: evaluatePair(toMatchUnit(u, names), mc, today),
    tieKey: `${u.available_from}|${u.id}`,
  }));
  const ranked = rankPairs(evaluated).slice(0, q.limiet ?? 50);
  await audit(ctx, { clientId: c.client_id, action: 'lezen', resource: 'passende woonplekken' });
  return {
    kandidaat: candidateDto(ctx.actor, c, names, today),
    regels: MATCHING_RULES,
    resultaten: ranked.map((r) => ({
      woonplek: unitDto(ctx.actor, r.item, names),
      ...pairDto(r.result, r.rank, r.uitleg),
    })),
    nietPassend: evaluated
      .filter((e) => !e.result.feasible)
      .slice(0, 20)
      .map((e) => ({ woonplekId: e.item.id, adres: e.item.address, redenen: e.result.blockers })),
  };
}

/** Batch proposal: the optimal assignment of all free homes to all ready clients (nothing is stored). */
export async function computeProposal(ctx: Ctx) {
  authorize(ctx, 'wonen.kandidatenZien');
  const names = await municipalityNames(ctx);
  const today = todayInNl(ctx.now);
  const cands = await candidateQuery(ctx)
    .where('housing_candidates.status', '=', 'woonklaar')
    .orderBy('housing_candidates.id')
    .execute();
  const units = await unitQuery(ctx)
    .where('housing_units.status', '=', 'beschikbaar')
    .orderBy('housing_units.id')
    .execute();
  const mcs = cands.map((c) => toMatchCandidate(c, today)),
    mus = units.map((u) => toMatchUnit(u, names));
  const score = compileScorer(mcs, mus, today);
  // issue 15: exact (dual certificate); a large batch is solved in a worker thread so the server keeps answering
  const res = await solveAssignment({ candidates: mcs, units: mus, today });
  // greedy for comparison, on all feasible pairs (small per tenant)
  const gr: number[] = [],
    gc: number[] = [],
    gw: number[] = [];
  for (let r = 0; r < cands.length; r++)
    for (let c = 0; c < units.length; c++) {
      const s = score(r, c);
      if (s > 0) {
        gr.push(r);
        gc.push(c);
        gw.push(s);
      }
    }
  const greedy = greedyAssignment(cands.length, units.length, gr, gc, gw);
  const voorstellen = [];
  for (let r = 0; r < cands.length; r++) {
    const col = res.rowToCol[r] ?? -1;
    const cand = cands[r],
      unit = units[col],
      mu = mus[col],
      mc = mcs[r];
    if (col < 0 || !cand || !unit || !mu || !mc) continue;
    const pr = evaluatePair(mu, mc, today);
    voorstellen.push({
      kandidaat: candidateDto(ctx.actor, cand, names, today),
      woonplek: unitDto(ctx.actor, unit, names),
      score: pr.score,
      onderdelen: pr.components,
      uitleg: `${pr.score} ${pr.score === 1 ? 'punt' : 'punten'}: ${pr.components.map((x) => `${x.label.charAt(0).toLowerCase()}${x.label.slice(1)} (+${x.punten})`).join('; ')}.`,
    });
  }
  voorstellen.sort((a, b) => b.score - a.score);
  const assigned = new Set(voorstellen.map((v) => v.kandidaat.id));
  // every ready client appears in the proposal: with a home or in zonderWoonplek
  await auditPersons(
    ctx,
    cands.map((c) => c.client_id),
    { action: 'zoeken', resource: 'toewijzingsvoorstel', detail: `${voorstellen.length} koppelingen` },
  );
  return {
    methode:
      'Optimale toewijzing (kortste augmenterende paden, warm herstart) over alle haalbare paren; onhaalbare paren uitgesloten; bewezen optimaal met een duaal certificaat over alle paren.',
    eerlijkheidsregel: FAIRNESS_RULE,
    regels: MATCHING_RULES,
    totaleScore: res.total,
    gulzigeScore: greedy.total,
    bewezenOptimaal: res.certified,
    aantalKandidaten: cands.length,
    aantalWoonplekken: units.length,
    haalbareParen: res.feasiblePairs,
    voorstellen,
    zonderWoonplek: cands
      .filter((c) => !assigned.has(c.id))
      .map((c) => ({ kandidaatId: c.id, naam: `${c.first_name} ${c.last_name}` })),
  };
}
