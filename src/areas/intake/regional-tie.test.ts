import { describe, expect, it } from 'vitest';
import { assessRegionalTie } from './regional-tie.js';

describe('regiobinding (kans van slagen)', () => {
  it('houdt de zaak bij sterke binding', () => {
    const a = assessRegionalTie({
      jarenInRegio: 5,
      sociaalNetwerkInRegio: true,
      bekendBijLokaleZorg: false,
      wensClient: 'geen-voorkeur',
      andereTenantId: 'almere',
    });
    expect(a).toMatchObject({ score: 4, blijftHier: true, warmeOverdracht: false });
  });
  it('draagt warm over bij zwakke binding en een andere centrumgemeente', () => {
    const a = assessRegionalTie({
      jarenInRegio: 0,
      sociaalNetwerkInRegio: false,
      bekendBijLokaleZorg: true,
      wensClient: 'andere-regio',
      andereTenantId: 'almere',
    });
    expect(a.score).toBe(-1);
    expect(a.warmeOverdracht).toBe(true);
  });
  it('houdt de zaak als er geen andere centrumgemeente is aangewezen', () => {
    const a = assessRegionalTie({
      jarenInRegio: 0,
      sociaalNetwerkInRegio: false,
      bekendBijLokaleZorg: false,
      wensClient: 'geen-voorkeur',
    });
    expect(a.blijftHier).toBe(true);
    expect(a.toelichting.join(' ')).toMatch(/blijft hier/);
  });
  it('grens: score precies 2 houdt de zaak', () => {
    expect(
      assessRegionalTie({
        jarenInRegio: 1,
        sociaalNetwerkInRegio: false,
        bekendBijLokaleZorg: true,
        wensClient: 'geen-voorkeur',
        andereTenantId: 'x',
      }).blijftHier,
    ).toBe(true);
    expect(
      assessRegionalTie({
        jarenInRegio: 1,
        sociaalNetwerkInRegio: false,
        bekendBijLokaleZorg: false,
        wensClient: 'geen-voorkeur',
        andereTenantId: 'x',
      }).blijftHier,
    ).toBe(false);
  });
});
