// Reading and writing CSV files with csv-parse / csv-stringify (issue 11): Excel-NL writes `;`, other tools `,`;
// UTF-8 with or without BOM; quoted fields with "" escapes and line breaks inside quotes.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export class CsvFormatError extends Error {}

/** The separator the header line uses most: ; (Excel-NL) or ,. */
export function detectSeparator(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** All rows of a CSV text (header included), without blank lines. Throws CsvFormatError with a Dutch message. */
export function readCsv(content: string): string[][] {
  const text = content.replace(/^\uFEFF/, '');
  try {
    const rows = parse(text, {
      delimiter: detectSeparator(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
    return rows.filter((r) => r.some((f) => f.trim() !== ''));
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new CsvFormatError(
      `Het bestand is geen geldige CSV${line ? ` (bij regel ${line})` : ''}: controleer de aanhalingstekens.`,
    );
  }
}

/** A CSV file for Dutch Excel: `;` separated, CRLF line ends, UTF-8 with BOM. */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${stringify(
    rows.map((r) => r.map((v) => (v == null ? '' : String(v)))),
    { delimiter: ';', record_delimiter: '\r\n' },
  )}`;
}
