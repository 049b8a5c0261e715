// Issue 16: a room is offered when placing or moving only when it has a free bed and room for one more household.
export function heeftPlek(
  u: { vrij: number; maxHuishoudens: number; verblijven: readonly unknown[] },
  huishoudgrootte = 1,
): boolean {
  return u.vrij >= Math.max(1, huishoudgrootte) && u.verblijven.length < u.maxHuishoudens;
}
