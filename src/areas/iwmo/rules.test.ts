import { describe, expect, it } from 'vitest';
import { type Header, readBericht, write305 } from './messages.js';
import { bsnRule, countedNights, headerRules, prestatieRules, startRule, stopRule } from './rules.js';
import { parseXml, XmlError } from './xml.js';

// Issue 19: the iStandaard rules an XSD cannot check, one by one, and the XML reader they rely on.

const tw = { nummer: 7, ingangsdatum: '2026-11-01', einddatum: '2026-11-30' };
const header: Header = {
  berichtcode: '418',
  berichtversie: '3',
  berichtsubversie: '2',
  afzender: '12345678',
  ontvanger: '0505',
  identificatie: 'X1',
  dagtekening: '2026-11-20',
  basisschemaXsdVersie: '1.0.0',
  berichtXsdVersie: '1.0.0',
};
const opts = { gemeenten: ['0505', '0642'], aanbieders: ['12345678'], vandaag: '2026-11-23' };
const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort();

describe('header: berichtcode, versie, afzender en ontvanger', () => {
  it('accepteert een 305 van een bekende aanbieder aan een gemeente van de regio', () => {
    expect(headerRules(header, '305', opts)).toEqual([]);
    expect(headerRules({ ...header, ontvanger: '0642' }, '305', opts)).toEqual([]);
  });
  it('weigert een berichtcode die niet bij het bericht hoort', () => {
    expect(codes(headerRules(header, '307', opts))).toEqual(['berichtcode']);
  });
  it('weigert een andere berichtversie of -subversie en een andere XSD-versie', () => {
    expect(codes(headerRules({ ...header, berichtversie: '2' }, '305', opts))).toEqual(['berichtversie']);
    expect(codes(headerRules({ ...header, berichtsubversie: '1' }, '305', opts))).toEqual(['berichtversie']);
    expect(codes(headerRules({ ...header, berichtXsdVersie: '1.0.1' }, '305', opts))).toEqual(['xsdversie']);
  });
  it('weigert een onbekende of ongeldige afzender, een vreemde ontvanger en een dagtekening in de toekomst', () => {
    expect(codes(headerRules({ ...header, afzender: '87654321' }, '305', opts))).toEqual(['onbekendeAanbieder']);
    expect(codes(headerRules({ ...header, afzender: '1234' }, '305', opts))).toEqual(['agbcode']);
    expect(codes(headerRules({ ...header, ontvanger: '0363' }, '305', opts))).toEqual(['ontvanger']);
    expect(codes(headerRules({ ...header, dagtekening: '2026-11-24' }, '305', opts))).toEqual(['toekomst']);
  });
});

describe('BSN', () => {
  it('haalt de elfproef of niet', () => {
    expect(bsnRule('111222333')).toBeNull();
    expect(bsnRule('123456789')?.code).toBe('elfproef');
    expect(bsnRule('000000000')?.code).toBe('elfproef');
  });
  it('toont in de reden alleen de laatste drie cijfers', () => {
    expect(bsnRule('123456789')?.reden).toContain('******789');
    expect(bsnRule('123456789')?.reden).not.toContain('123456789');
  });
});

describe('305: startdatum binnen de toewijzing', () => {
  it('op de eerste en laatste dag is goed; ervoor of erna niet', () => {
    expect(startRule('2026-11-01', tw)).toBeNull();
    expect(startRule('2026-11-30', tw)).toBeNull();
    expect(startRule('2026-10-31', tw)?.code).toBe('startBuitenToewijzing');
    expect(startRule('2026-12-01', tw)?.code).toBe('startBuitenToewijzing');
    expect(startRule('2027-06-01', { ...tw, einddatum: null })).toBeNull();
  });
});

describe('307: één stop per start, binnen de toewijzing', () => {
  const started = { ...tw, startBegindatum: '2026-11-01', stopEinddatum: null };
  it('een stop na een start binnen de toewijzing is goed', () => {
    expect(stopRule({ begindatum: '2026-11-01', einddatum: '2026-11-10' }, started)).toBeNull();
  });
  it('zonder start, na een eerdere stop, met einde vóór begin of buiten de toewijzing is fout', () => {
    const stop = { begindatum: '2026-11-01', einddatum: '2026-11-10' };
    expect(stopRule(stop, { ...started, startBegindatum: null })?.code).toBe('stopZonderStart');
    expect(stopRule(stop, { ...started, stopEinddatum: '2026-11-05' })?.code).toBe('dubbeleStop');
    expect(stopRule({ begindatum: '2026-11-10', einddatum: '2026-11-09' }, started)?.code).toBe('eindVoorBegin');
    expect(stopRule({ begindatum: '2026-11-01', einddatum: '2026-12-02' }, started)?.code).toBe('stopBuitenToewijzing');
  });
});

describe('getelde nachten', () => {
  it('telt de nachten van het verblijf binnen periode en toewijzing, niet de nacht van vertrek of van vandaag', () => {
    const stay = { startedOn: '2026-11-05', endedOn: '2026-11-15' };
    expect(countedNights(stay, tw, '2026-11-01', '2026-11-30', '2026-12-10')).toBe(10);
    expect(
      countedNights({ startedOn: '2026-11-05', endedOn: null }, tw, '2026-11-01', '2026-11-30', '2026-11-23'),
    ).toBe(18);
    expect(
      countedNights({ startedOn: '2026-10-01', endedOn: null }, tw, '2026-10-01', '2026-11-30', '2026-12-10'),
    ).toBe(30);
    expect(countedNights(stay, tw, '2026-11-20', '2026-11-30', '2026-12-10')).toBe(0);
  });
});

describe('323: prestatie tegen toewijzing en getelde nachten', () => {
  const p = {
    categorie: '16',
    eenheid: '14',
    begindatum: '2026-11-01',
    einddatum: '2026-11-30',
    volume: 29,
    tarief: 5000,
    bedrag: 145000,
  };
  const decl = { begindatum: '2026-11-01', einddatum: '2026-11-30' };
  const twc = { ...tw, productcategorie: '16' };
  it('een juiste regel heeft geen bevindingen', () => {
    expect(prestatieRules(p, twc, decl, 29)).toEqual([]);
    expect(prestatieRules({ ...p, volume: 20, bedrag: 100000 }, twc, decl, 29)).toEqual([]);
  });
  it('meer etmalen dan geteld, een ander product, een andere eenheid en een verkeerd bedrag worden afgekeurd', () => {
    expect(codes(prestatieRules(p, twc, decl, 28))).toEqual(['meerDanGeteld']);
    expect(codes(prestatieRules({ ...p, categorie: '17' }, twc, decl, 29))).toEqual(['nietToegewezenProduct']);
    expect(codes(prestatieRules({ ...p, eenheid: '04' }, twc, decl, 29))).toEqual(['eenheid']);
    expect(codes(prestatieRules({ ...p, bedrag: 1 }, twc, decl, 29))).toEqual(['bedrag']);
  });
  it('een periode buiten de toewijzing of de declaratieperiode wordt afgekeurd', () => {
    expect(codes(prestatieRules({ ...p, einddatum: '2026-12-02' }, twc, decl, 29))).toEqual([
      'buitenDeclaratieperiode',
      'buitenToewijzing',
    ]);
    expect(codes(prestatieRules({ ...p, einddatum: '2026-10-02' }, twc, decl, 29))).toEqual(['periode']);
  });
});

describe('de XML-lezer', () => {
  it('leest namespaces, entiteiten, CDATA en commentaar', () => {
    const el = parseXml(
      '<?xml version="1.0"?><!-- c --><a:x xmlns:a="urn:a" xmlns="urn:d"><y t="1">A &amp; B &#233;<![CDATA[<z>]]></y><a:w/></a:x>',
    );
    expect(el).toMatchObject({ name: 'x', namespace: 'urn:a' });
    expect(el.children[0]).toMatchObject({ name: 'y', namespace: 'urn:d', text: 'A & B é<z>', attributes: { t: '1' } });
    expect(el.children[1]).toMatchObject({ name: 'w', namespace: 'urn:a' });
  });
  it('weigert een DOCTYPE (entiteiten), een verkeerde sluittag, een onbekend voorvoegsel en tekst na het einde', () => {
    for (const bad of [
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      '<a><b></a></b>',
      '<p:a/>',
      '<a/>tekst',
      '<a>&onbekend;</a>',
      '',
    ])
      expect(() => parseXml(bad), bad).toThrow(XmlError);
  });
  it('leest een geschreven 305 terug zoals hij geschreven is', () => {
    const xml = write305({
      agbCode: '12345678',
      gemeente: '0505',
      identificatie: 'Q1',
      dagtekening: '2026-11-20',
      client: {
        bsn: '111222333',
        geboortedatum: '1980-05-01',
        geslacht: '2',
        achternaam: "O'Neil & <Zn>",
        voornamen: null,
      },
      starts: [
        { toewijzingNummer: 3, categorie: '17', toewijzingIngangsdatum: '2026-11-02', begindatum: '2026-11-03' },
      ],
    });
    const r = readBericht(xml);
    expect(r.soort).toBe('305');
    if (r.soort !== '305') return;
    expect(r.header).toEqual({ ...header, identificatie: 'Q1' });
    expect(r.client).toEqual({
      bsn: '111222333',
      geboortedatum: '1980-05-01',
      geslacht: '2',
      achternaam: "O'Neil & <Zn>",
      voornamen: null,
    });
    expect(r.starts).toEqual([
      { toewijzingNummer: 3, categorie: '17', toewijzingIngangsdatum: '2026-11-02', begindatum: '2026-11-03' },
    ]);
  });
});
