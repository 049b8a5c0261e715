import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FILE, documentText, SCHEMA_TYPES_FILE, schemaTypesText } from '../../../scripts/contract.js';

// The contract is checked in: docs/openapi.json is what the routes declare, web/src/api/schema.d.ts is what
// openapi-typescript makes of it. Both are written by `npm run openapi`; these tests fail when either drifts.
const HINT =
  'Het contract is niet bijgewerkt / the contract is out of date: voer `npm run openapi` uit (run npm run openapi) ' +
  'en neem docs/openapi.json en web/src/api/schema.d.ts mee in de commit.';

/** Where two texts first differ, as a readable pointer (a full diff of 400 kB is no help). */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((l, i) => l !== e[i]);
  const n = line === -1 ? Math.min(a.length, e.length) : line;
  return `eerste verschil op regel ${n + 1}:\n  code:    ${a[n] ?? '(einde)'}\n  bestand: ${e[n] ?? '(einde)'}`;
}

function expectSameText(actual: string, file: string) {
  const checkedIn = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  expect(
    actual === checkedIn,
    `${HINT}\n${path.relative(process.cwd(), file)}: ${checkedIn ? firstDifference(actual, checkedIn) : 'ontbreekt'}`,
  ).toBe(true);
}

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  description?: string;
}
interface Document {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** A schema that says nothing about its value: `{}`, `{ nullable: true }`, only a description, … */
const saysNothing = (s: Schema) =>
  !s.$ref && !s.type && !s.properties && !s.items && !s.allOf && !s.anyOf && !s.oneOf && !s.enum && !s.format;

/**
 * Why a response schema is open (a free-form object instead of a described one), or null when it is not. Only the
 * top level counts: an object needs properties and no `additionalProperties: {}`, an array needs described items.
 */
function openReason(doc: Document, schema: Schema, seen: string[] = []): string | null {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) return `${schema.$ref} bestaat niet`;
    if (seen.includes(name)) return null;
    const reason = openReason(doc, target, [...seen, name]);
    return reason && `${name}: ${reason}`;
  }
  if (schema.allOf) {
    const reasons = schema.allOf.map((s) => openReason(doc, s, seen));
    return reasons.every(Boolean) ? `allOf zonder beschreven deel (${reasons.join('; ')})` : null;
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.map((s) => openReason(doc, s, seen)).find(Boolean) ?? null;
  if (schema.type === 'array' || schema.items) {
    if (!schema.items || saysNothing(schema.items)) return 'array zonder beschreven items';
    return null;
  }
  const extra = schema.additionalProperties;
  if (extra === true || (typeof extra === 'object' && saysNothing(extra)))
    return 'vrij object (additionalProperties: {})';
  if (!schema.properties || Object.keys(schema.properties).length === 0) return 'schema zonder properties of items';
  return null;
}

/** Every 2xx JSON response whose schema is open, as "METHOD /path status: reason". */
function openResponseSchemas(doc: Document): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (!/^application\/([\w.-]+\+)?json\b/.test(mediaType) || mediaType.startsWith('application/problem+'))
            continue;
          const reason = media.schema ? openReason(doc, media.schema) : 'geen schema';
          if (reason) found.push(`${method.toUpperCase()} ${path} ${status} (${mediaType}): ${reason}`);
        }
      }
    }
  }
  return found;
}

describe('het API-contract (docs/openapi.json en web/src/api/schema.d.ts)', () => {
  const document = documentText();

  it('docs/openapi.json is het document dat de routes beschrijven', () => {
    expectSameText(document, DOCUMENT_FILE);
  });

  it('web/src/api/schema.d.ts is wat openapi-typescript van docs/openapi.json maakt', async () => {
    const checkedIn = fs.existsSync(DOCUMENT_FILE) ? fs.readFileSync(DOCUMENT_FILE, 'utf8') : document;
    expectSameText(await schemaTypesText(checkedIn), SCHEMA_TYPES_FILE);
  });

  it('elk 2xx-JSON-antwoord heeft een beschreven schema (geen open objecten)', () => {
    const open = openResponseSchemas(JSON.parse(document));
    const hint = `${open.length} open antwoordschema's: geef elk een echt schema (<onderwerp>.dto.ts), geen json()`;
    expect(open, hint).toEqual([]);
  });

  it('herkent open schema’s (de controle zelf)', () => {
    const doc: Document = {
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Vrij' } } } },
            },
          },
        },
        '/b': {
          get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: {} } } } } } },
        },
        '/c': { get: { responses: { '201': { content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/d': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Dicht' } } } },
            },
          },
        },
        '/e': { get: { responses: { '400': { content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/f': {
          get: {
            responses: {
              '200': {
                content: {
                  'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Dicht' } } },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Vrij: { type: 'object', additionalProperties: { nullable: true } },
          Dicht: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
    };
    expect(openResponseSchemas(doc)).toEqual([
      'GET /a 200 (application/json): Vrij: vrij object (additionalProperties: {})',
      'GET /b 200 (application/json): array zonder beschreven items',
      'GET /c 201 (application/json): schema zonder properties of items',
    ]);
  });
});
