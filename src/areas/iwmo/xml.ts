// A small, strict XML reader and writer for the iWmo messages (issue 19). No XML package is installed in the project
// (see docs/adr/0021-iwmo.md): this reader accepts well-formed XML 1.0 documents — declaration, comments, processing
// instructions, CDATA, the five predefined entities and character references, namespace prefixes — and refuses what
// an iWmo message never needs and an attacker would use: a DOCTYPE (entity expansion, external entities).

/** One element: local name (prefix removed), namespace URI, children and its own text. */
export interface XmlElement {
  name: string;
  namespace: string | null;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;

function decodeEntities(s: string, at: () => number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref: string | undefined) => {
    if (!ref) throw new XmlError(`Losse & zonder entiteit (positie ${at()}).`);
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'amp') return '&';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff)
        throw new XmlError(`Ongeldige tekenverwijzing ${m}.`);
      return String.fromCodePoint(code);
    }
    throw new XmlError(`Onbekende entiteit ${m}.`);
  });
}

/** Parses a document into its root element; throws XmlError (Dutch) on anything not well-formed. */
export function parseXml(input: string): XmlElement {
  let s = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let pos = 0;
  const lineAt = (p: number) => s.slice(0, p).split('\n').length;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} (regel ${lineAt(pos)})`);
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(s.slice(pos))![0].length;
      pos += ws;
      if (s.startsWith('<?', pos)) {
        const end = s.indexOf('?>', pos);
        if (end < 0) fail('Verwerkingsinstructie niet afgesloten');
        pos = end + 2;
      } else if (s.startsWith('<!--', pos)) {
        const end = s.indexOf('-->', pos);
        if (end < 0) fail('Commentaar niet afgesloten');
        pos = end + 3;
      } else if (s.startsWith('<!DOCTYPE', pos) || s.startsWith('<!ENTITY', pos)) {
        fail('Een DOCTYPE is niet toegestaan in een iWmo-bericht');
      } else return;
    }
  };
  s = s.replace(/\r\n?/g, '\n');
  skipMisc();
  if (s[pos] !== '<') fail('Dit is geen XML-bestand: het begint niet met een element');
  const stack: { el: XmlElement; qname: string; ns: Record<string, string> }[] = [];
  let root: XmlElement | null = null;
  const resolve = (qname: string, ns: Record<string, string>, isAttr: boolean) => {
    const i = qname.indexOf(':');
    const prefix = i < 0 ? '' : qname.slice(0, i);
    const local = i < 0 ? qname : qname.slice(i + 1);
    if (isAttr && !prefix) return { local, uri: null };
    const uri = ns[prefix];
    if (prefix && uri === undefined) fail(`Onbekend namespace-voorvoegsel "${prefix}"`);
    return { local, uri: uri ?? null };
  };
  while (pos < s.length) {
    if (root && !stack.length) break;
    if (s.startsWith('<!--', pos)) {
      const end = s.indexOf('-->', pos);
      if (end < 0) fail('Commentaar niet afgesloten');
      pos = end + 3;
    } else if (s.startsWith('<![CDATA[', pos)) {
      const end = s.indexOf(']]>', pos);
      if (end < 0 || !stack.length) fail('CDATA niet afgesloten of buiten een element');
      stack[stack.length - 1]!.el.text += s.slice(pos + 9, end);
      pos = end + 3;
    } else if (s.startsWith('<?', pos)) {
      const end = s.indexOf('?>', pos);
      if (end < 0) fail('Verwerkingsinstructie niet afgesloten');
      pos = end + 2;
    } else if (s.startsWith('<!', pos)) {
      fail('Een DOCTYPE of declaratie is niet toegestaan in een iWmo-bericht');
    } else if (s.startsWith('</', pos)) {
      const m = NAME.exec(s.slice(pos + 2));
      if (!m) fail('Ongeldige sluittag');
      const top = stack.pop();
      if (!top || top.qname !== m![0]) fail(`Sluittag </${m![0]}> past niet bij <${top?.qname ?? '?'}>`);
      pos += 2 + m![0].length;
      const rest = /^\s*>/.exec(s.slice(pos));
      if (!rest) fail('Sluittag niet afgesloten met >');
      pos += rest![0].length;
    } else if (s[pos] === '<') {
      const m = NAME.exec(s.slice(pos + 1));
      if (!m) fail('Ongeldige elementnaam');
      const qname = m![0];
      pos += 1 + qname.length;
      const rawAttrs: [string, string][] = [];
      for (;;) {
        const a = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(s.slice(pos));
        if (!a) break;
        if (rawAttrs.some(([n]) => n === a[1])) fail(`Attribuut ${a[1]} staat er twee keer`);
        rawAttrs.push([a[1]!, decodeEntities(a[3] ?? a[4] ?? '', () => pos)]);
        pos += a[0].length;
      }
      const close = /^\s*(\/?)>/.exec(s.slice(pos));
      if (!close) fail(`Element <${qname}> niet goed afgesloten`);
      pos += close![0].length;
      const parentNs = stack.length ? stack[stack.length - 1]!.ns : { xml: 'http://www.w3.org/XML/1998/namespace' };
      const ns: Record<string, string> = { ...parentNs };
      for (const [n, v] of rawAttrs) {
        if (n === 'xmlns') ns[''] = v;
        else if (n.startsWith('xmlns:')) ns[n.slice(6)] = v;
      }
      const attributes: Record<string, string> = {};
      for (const [n, v] of rawAttrs) if (n !== 'xmlns' && !n.startsWith('xmlns:')) attributes[n] = v;
      const { local, uri } = resolve(qname, ns, false);
      const el: XmlElement = { name: local, namespace: uri, attributes, children: [], text: '' };
      if (stack.length) stack[stack.length - 1]!.el.children.push(el);
      else if (root) fail('Meer dan één hoofdelement');
      else root = el;
      if (!close![1]) stack.push({ el, qname, ns });
    } else {
      const end = s.indexOf('<', pos);
      const raw = s.slice(pos, end < 0 ? s.length : end);
      if (!stack.length) {
        if (raw.trim()) fail('Tekst buiten het hoofdelement');
      } else stack[stack.length - 1]!.el.text += decodeEntities(raw, () => pos);
      pos = end < 0 ? s.length : end;
    }
  }
  if (stack.length) fail(`Element <${stack[stack.length - 1]!.qname}> niet afgesloten`);
  skipMisc();
  if (pos < s.length) fail('Inhoud na het hoofdelement');
  if (!root) fail('Geen hoofdelement');
  return root!;
}

/** The first child element with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el?.children.filter((c) => c.name === name) ?? [];
}
/** The trimmed text at a path of child names, or undefined when an element on the path is missing. */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | undefined {
  let cur = el;
  for (const p of path) cur = child(cur, p);
  return cur ? cur.text.trim() : undefined;
}

// ---------- writing ----------

/** A node to write: [name, children or text]; undefined or null children are left out (optional elements). */
export type XmlNode = [string, string | number | (XmlNode | null | undefined | false)[]];

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function writeNode(node: XmlNode, prefix: string, indent: string): string {
  const [name, content] = node;
  const tag = name.includes(':') ? name : `${prefix}:${name}`;
  if (!Array.isArray(content)) return `${indent}<${tag}>${escapeXml(String(content))}</${tag}>\n`;
  const inner = content
    .filter((c): c is XmlNode => !!c)
    .map((c) => writeNode(c, prefix, `${indent}  `))
    .join('');
  return `${indent}<${tag}>\n${inner}${indent}</${tag}>\n`;
}

export const BASISSCHEMA = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';

/** A whole document with the message's namespace (prefix) and the basisschema's (iwmo:, for CDT_ children) (elementFormDefault qualified), root element `Bericht`. */
export function writeDocument(namespace: string, prefix: string, content: XmlNode[]): string {
  const inner = content.map((c) => writeNode(c, prefix, '  ')).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${prefix}:Bericht xmlns:${prefix}="${escapeXml(namespace)}" xmlns:iwmo="${BASISSCHEMA}">\n${inner}</${prefix}:Bericht>\n`;
}
