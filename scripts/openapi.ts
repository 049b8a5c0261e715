// npm run openapi: writes the contract (docs/openapi.json) and the web client's types (web/src/api/schema.d.ts).
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_FILE, documentText, SCHEMA_TYPES_FILE, schemaTypesText } from './contract.js';

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (before === text) return console.log(`${path.relative(process.cwd(), file)}: ongewijzigd`);
  fs.writeFileSync(file, text);
  console.log(`${path.relative(process.cwd(), file)}: ${before === null ? 'aangemaakt' : 'bijgewerkt'}`);
};

const document = documentText();
write(DOCUMENT_FILE, document);
write(SCHEMA_TYPES_FILE, await schemaTypesText(document));
