// The 200-row caseload file of issue 11's "Done when" (197 good rows, 3 bad), shared by the unit test, the browser
// test and the import benchmark.
import { CASELOAD_COLUMNS } from '../areas/admin/caseload-csv.js';

const pad = (i: number) => String(i).padStart(3, '0');

/**
 * A generated caseload CSV for the location named `LOC` (units K01–K25 must be free): Excel-NL (`;`, BOM, CRLF).
 * 200 rows: 25 placed in K01–K25, 15 on a waiting list with an open trajectory, 160 with an open registration;
 * rows 50 (BSN fails the elfproef), 60 (K01 is already taken by row 1) and 70 (trajectory before registration) are
 * bad, so an import takes 197 and explains 3.
 */
export function caseloadFile(LOC: string): string {
  const lines: string[][] = [[...CASELOAD_COLUMNS]];
  for (let i = 1; i <= 200; i++) {
    const cells: Record<string, string> = {
      externId: `OUD-${pad(i)}`,
      voornaam: `Voornaam${pad(i)}`,
      achternaam: i === 3 ? 'van den Berg; jr' : `Import${pad(i)}`,
      geboortedatum: i % 2 ? '1980-01-15' : '15-01-1981',
      herkomstGemeentecode: '0505',
      aanmelddatum: '2026-10-01',
      bron: 'zelf',
    };
    if (i <= 25)
      Object.assign(cells, {
        trajectStart: '2026-10-02',
        locatie: LOC,
        eenheid: `K${String(i).padStart(2, '0')}`,
        plaatsingsdatum: '2026-10-03',
      });
    else if (i <= 40)
      Object.assign(cells, {
        trajectStart: '2026-10-02',
        wachtlijst: 'tussenvoorziening',
        wachtlijstDatum: '2026-10-10',
        urgent: i === 26 ? 'ja' : 'nee',
        wachtlijstToelichting: i === 26 ? 'Zwanger' : '',
      });
    if (i === 50) cells.bsn = '123456789'; // fails the elfproef
    if (i === 60) Object.assign(cells, { trajectStart: '2026-10-02', locatie: LOC, eenheid: 'K01' }); // K01 is taken by row 1
    if (i === 70) cells.trajectStart = '2026-09-01'; // before the registration
    lines.push(CASELOAD_COLUMNS.map((c) => cells[c] ?? ''));
  }
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`;
}
