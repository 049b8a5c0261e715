// The API contract as files: docs/openapi.json (made from the routes) and web/src/api/schema.d.ts (made from that
// document by openapi-typescript). `npm run openapi` writes both; src/platform/http/contract.test.ts checks they
// are up to date.

import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { contractDocument } from '../src/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DOCUMENT_FILE = `${root}docs/openapi.json`;
export const SCHEMA_TYPES_FILE = `${root}web/src/api/schema.d.ts`;

/** docs/openapi.json as the code makes it: 2-space JSON, keys in a stable order, newline at the end. */
export function documentText(): string {
  return `${JSON.stringify(contractDocument(), null, 2)}\n`;
}

/** web/src/api/schema.d.ts as openapi-typescript makes it from the given docs/openapi.json text. */
export async function schemaTypesText(documentJson: string): Promise<string> {
  const document: OpenAPI3 = JSON.parse(documentJson);
  return `${COMMENT_HEADER}${astToString(await openapiTS(document, { silent: true }))}`;
}
