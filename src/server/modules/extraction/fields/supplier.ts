import { findDates } from '../dates';
import type { Line } from '../lines';
import type { RuleHint } from '../model/candidates';
import { bundledModel } from '../model/bundled';
import { LEGAL_FORM } from '../model/line-features';
import { predictSupplier, spanLines, supplierCandidates, type SupplierModel } from '../model/supplier-model';
import {
  companyBlock,
  containsLetters,
  domainBrand,
  footerEntity,
  inCustomerBlock,
  labelledSeller,
  onBehalfOf,
  orderedThrough,
  senderLine,
  titledLegalName,
  type IssuerEvidence,
} from './supplier-brand';
import { conf, fold, locate, similarity, type FieldContext, type Found } from './context';

/** Legal forms and words that mark a registered business name. */
const LEGAL =
  /\b(sdn\.?\s*bhd|sdn|bhd|berhad|s\/b|enterprises?|trading|ltd|limited|inc|llc|l\.l\.c|gmbh|ag|b\.?\s?v|n\.?\s?v|s\.?a\.?r\.?l|s\.a|s\.?a\.?s|sp\.?\s*z\s*o\.?\s*o|s\.?p\.?a|s\.?r\.?l|plc|pty|pte|co|corp|corporation|company|holdings?|industries|group|perniagaan|syarikat)\b\.?/;
/** Kinds of business: a weaker sign of a name, and on their own a descriptor ("BISTRO & CAFE"). */
const BUSINESS =
  /\b(restaurant|restoran|cafe|bistro|bar|pub|grill|bakery|kedai|store|stores|mart|market|supermarket|hypermarket|pasaraya|pharmacy|farmasi|hardware|electrical|hotel|station|services?|solutions|stationery|bookstore|motor|florist|clinic|centre|center|shop|boutique|deli|kitchen|foods?|resources|marketing|agency|studio|gift|deco|trading|enterprise|machinery|furniture|optical|printing|electronics?|tea|coffee|house|catering|pizza|chicken)\b/;
const COMPANY_MARK = new RegExp(`${LEGAL.source}|${BUSINESS.source}`);

/** Lines that are not a name: document titles, greetings, labels, numbers. */
const GENERIC =
  /goods\s*sold|returnable|exchangeable|refundable|thank\s*you|\btq\b|shopping\s*with|welcome|^(tax\s*invoice|simplified\s*tax\s*invoice|invoice|receipt|official\s*receipt|cash\s*(bill|sale|receipt)|bill|sales\s*receipt|credit\s*note|quotation|delivery\s*order|statement|welcome|thank\s*you|original|copy|duplicate|customer\s*copy|merchant\s*copy|factuur|rechnung|facture|page\s*\d+)\b|^(tel|phone|fax|mobile|hp|email|e-mail|www|http|gst|vat|tax|abn|date|time|no\b|cashier|table|order|bill\s*to|ship\s*to|sold\s*to|customer|invoice\s*(no|number|date)|member)/;

/** Lines that end the address block. */
const ADDRESS_STOP =
  /\b(tel|telephone|phone|fax|mobile|h\/?p|email|e-mail|www\.|http|gst|vat|sst|tax|abn|gstin|invoice|receipt|cashier|date|time|table|member|bill|order|customer|document|doc\s*no|slip|pos\b|counter|terminal|kvk|btw|siret|siren|iban|bic)\b|@|\d{2}[/.-]\d{2}[/.-]\d{2,4}/;

/** Company registration numbers printed under the name ("(CO.REG : 933109-X)", "789417-W"). */
const REG_NO =
  /^\W*(\(?\s*(co\.?\s*(reg|no)|company\s*(reg|no)|roc|reg\.?\s*no|registration)[^)]*\)?|\(?[a-z]{0,3}\s*\d{4,}[-\s]?[a-z]\)?|\([a-z0-9-]{6,}\))\W*$/;

/** A line that only carries a registration number and its label ("(CO. REG : 860671-D)", "BR NO.: 0195932-X"). */
function isRegLine(folded: string): boolean {
  if (REG_NO.test(folded)) return true;
  if (!/\d{4,}\s?-?\s?[a-z]?\b/.test(folded)) return false;
  const rest = folded
    .replace(/\d+\s?-?\s?[a-z]?\b/g, ' ')
    .replace(/\b(co|reg|rfg|registration|br|no|roc|company|site|gst|id|business|ssm|n)\b/g, ' ')
    .replace(/[^a-z]/g, '');
  return rest.length < 3;
}

/** Only digits and punctuation: a phone number or an id, not part of an address. */
function isNumberLine(folded: string): boolean {
  return folded.replace(/[^a-z]/g, '').length < 3 && /\d{6,}|\d{2,4}[-\s]\d{3,4}[-\s]?\d{3,4}/.test(folded);
}

const PERSONISH = /^[a-z]+(\s+[a-z]+){1,3}$/;

export interface SupplierRead {
  name: Found<string> | null;
  address: Found<string> | null;
  nameLine: Line | null;
}

function isGeneric(folded: string): boolean {
  const letters = folded.replace(/[^a-z]/g, '');
  if (letters.length < 3) return true;
  return GENERIC.test(folded.trim());
}

/** What the hand-written rules pick: the name's first and last line and the address lines. */
export interface RulePick {
  first: Line;
  last: Line;
  score: number;
  address: Line[];
}

/** Reads the supplier's name and address: the account's known suppliers first, then the model or the rules. */
export function readSupplier(ctx: FieldContext, model: SupplierModel | null = bundledModel): SupplierRead {
  const known = matchKnownSupplier(ctx);
  if (known) return { name: known.found, address: readAddress(ctx, known.line), nameLine: known.line };
  const rule = ruleSupplier(ctx);
  const learned = model ? readWithModel(ctx, model, rule) : null;
  return withIssuerEvidence(ctx, learned ?? fromRule(ctx, rule));
}

function fromRule(ctx: FieldContext, rule: RulePick | null): SupplierRead {
  if (!rule) return { name: null, address: null, nameLine: null };
  return {
    name: {
      value: cleanName(joinLines(spanOf(rule.first, rule.last, ctx.lines))),
      confidence: conf(0.35 + rule.score / 8),
      location: { page: 1, box: boxOf([rule.first, rule.last]) },
    },
    address: addressFound(rule.address),
    nameLine: rule.last,
  };
}

/**
 * Evidence from the whole document can overrule the header's pick: the brand spelled by the document's
 * own web or e-mail domain, a labelled seller, a legal name beside the title, the entity of a legal
 * footer or payee label; and a pick inside a "Bill to" block is the customer, not the supplier.
 */
function withIssuerEvidence(ctx: FieldContext, read: SupplierRead): SupplierRead {
  // A pick inside a "Bill to" block is the customer: the evidence below may still name the issuer.
  const customer = read.nameLine !== null && inCustomerBlock(ctx.lines, read.nameLine);
  const pick = customer ? '' : (read.name?.value ?? '');
  const use = (e: IssuerEvidence, confidence: number): SupplierRead => ({
    name: { value: cleanName(e.text), confidence, location: locate(e.line) },
    address: customer ? readAddress(ctx, e.line) : read.address,
    nameLine: customer ? e.line : (read.nameLine ?? e.line),
  });
  const sender = senderLine(ctx.lines);
  if (sender) return use(sender, 0.7);
  const platform = orderedThrough(ctx.lines);
  if (platform) return use(platform, 0.6);
  const agent = onBehalfOf(ctx.lines);
  if (agent) return use(agent, 0.6);
  // A registered name in the header (a legal form) is what receipts and most invoices print first:
  // only a header pick without one gives way to evidence from elsewhere on the document.
  if (!LEGAL_FORM.test(fold(pick))) {
    const brand = domainBrand(ctx.lines);
    if (brand && !containsLetters(pick, brand.text)) return use(brand, 0.6);
    // A header that starts with the brand and goes on with a department ("Acme Customer Service",
    // "Acme Service Abonnés"): the brand is the name. Other words stay ("Acme Pizza").
    if (brand && departmentAfter(pick, brand.text)) return use(brand, 0.55);
    const seller = labelledSeller(ctx.lines);
    if (seller) return use(seller, 0.6);
    const titled = titledLegalName(ctx.lines);
    if (titled) return use(titled, 0.55);
    const entity = footerEntity(ctx.lines);
    if (entity && !containsLetters(pick, entity.text)) return use(entity, 0.5);
    if (pick === '') {
      const block = companyBlock(ctx.lines);
      if (block) return use(block, 0.45);
    }
  }
  if (customer) return { name: null, address: null, nameLine: null };
  return read;
}

/** Words naming a department of a business, not the business. */
const DEPARTMENT =
  /^(customer|customers|client|clients|subscriber|subscribers|abonne|abonnes|abonnement|member|members|service|services|support|billing|accounts?|facturation|invoicing|sales|team|department|dept|care|help|helpdesk|desk|relations|kundenservice|kundendienst|klantenservice|de|du|des|the|for)$/;

/** Does `text` begin with the words of `head` and go on only with department words? */
function departmentAfter(text: string, head: string): boolean {
  const words = (s: string): string[] =>
    fold(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
  const t = words(text);
  const h = words(head);
  if (h.length === 0 || h.length >= t.length || !h.every((w, i) => t[i] === w)) return false;
  return t.slice(h.length).every((w) => DEPARTMENT.test(w));
}

function spanOf(first: Line, last: Line, lines: readonly Line[]): Line[] {
  return lines.filter((l) => l.page === first.page && l.index >= first.index && l.index <= last.index);
}

function joinLines(lines: readonly Line[]): string {
  return lines
    .map((p) => p.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

function boxOf(lines: readonly Line[]): [number, number, number, number] {
  return [
    Math.min(...lines.map((p) => p.box[0])),
    Math.min(...lines.map((p) => p.box[1])),
    Math.max(...lines.map((p) => p.box[2])),
    Math.max(...lines.map((p) => p.box[3])),
  ];
}

/** The model's choice among runs of lines, with the rules' choice as its strongest feature. */
function readWithModel(ctx: FieldContext, model: SupplierModel, rule: RulePick | null): SupplierRead | null {
  const page1 = ctx.lines.filter((l) => l.page === 1);
  const at = (line: Line): number => page1.indexOf(line);
  const hint: RuleHint = {
    name: rule ? { start: at(rule.first), end: at(rule.last) } : null,
    address:
      rule && rule.address.length > 0
        ? { start: at(rule.address[0] as Line), end: at(rule.address[rule.address.length - 1] as Line) }
        : null,
  };
  const cands = supplierCandidates(ctx.lines, ctx.unit, hint);
  const choice = predictSupplier(model, cands);
  if (!choice.name) return null;
  const nameLines = spanLines(cands.facts, choice.name.span);
  const name = cleanName(joinLines(nameLines));
  if (name.replace(/[^\p{L}]/gu, '').length < 2) return null;
  const addressLines = choice.address ? spanLines(cands.facts, choice.address.span) : [];
  const address = addressFound(addressLines);
  return {
    name: {
      value: name,
      confidence: conf(choice.name.probability),
      location: { page: 1, box: boxOf(nameLines) },
    },
    address:
      address && choice.address ? { ...address, confidence: conf(choice.address.probability) } : address,
    nameLine: nameLines[nameLines.length - 1] ?? null,
  };
}

/** Scores the top lines of page 1 as the supplier's name (the hand-written rules). */
export function ruleSupplier(ctx: FieldContext): RulePick | null {
  const page1 = ctx.lines.filter((l) => l.page === 1);
  const top = page1.slice(0, 10);
  let best: { line: Line; score: number } | null = null;
  for (const [i, line] of top.entries()) {
    const folded = fold(line.text).trim();
    if (isGeneric(folded) || isRegLine(folded)) continue;
    if (ADDRESS_STOP.test(folded) && !COMPANY_MARK.test(folded)) continue;
    const digits = folded.replace(/[^0-9]/g, '').length;
    let score = 2 - i * 0.25;
    if (LEGAL.test(folded)) score += 2.5;
    else if (BUSINESS.test(folded)) score += 0.6;
    if (isDescriptor(folded)) score -= 1;
    if (digits > 4) score -= 1.5;
    const height = line.box[3] - line.box[1];
    score += Math.min(1.5, Math.max(0, height / ctx.unit - 1));
    const next = top[i + 1];
    // A bare personal name above a business name (a stamp, the cashier) is not the supplier.
    if (PERSONISH.test(folded) && !COMPANY_MARK.test(folded) && next) {
      const nextFolded = fold(next.text);
      if (LEGAL.test(nextFolded)) score -= 2;
    }
    if (!best || score > best.score) best = { line, score };
  }
  const chosen = best;
  if (!chosen) return null;
  const { first, last } = mergeNameLines(page1, chosen.line, ctx.unit);
  return { first, last, score: chosen.score, address: addressLines(ctx, last) };
}

/** Names printed over two lines: "POPULAR BOOK" / "CO. (M) SDN BHD", "HOME MASTER HARDWARE &" / "ELECTRICAL". */
function mergeNameLines(
  lines: readonly Line[],
  line: Line,
  unit: number,
): { text: string; first: Line; last: Line } {
  let first = line;
  let last = line;
  let text = line.text.trim();
  const close = (a: Line, b: Line): boolean => b.box[1] - a.box[3] < 1.5 * unit;
  const prev = lines[lines.indexOf(line) - 1];
  const folded = fold(text);
  const withoutForms = folded.replace(new RegExp(LEGAL.source, 'g'), ' ').replace(/\([^)]*\)/g, ' ');
  const ownWords = withoutForms.split(/[^a-z0-9']+/).filter((w) => w.length >= 3);
  const onlyForms = ownWords.length === 0 || (ownWords.length === 1 && BUSINESS.test(ownWords[0] ?? ''));
  const startsWithForm = new RegExp(`^(${LEGAL.source}|${BUSINESS.source})`).test(folded.trim());
  if (prev && close(prev, line) && ((onlyForms && startsWithForm) || /^&/.test(folded)) && isNameLike(prev)) {
    text = `${prev.text.trim()} ${text}`;
    first = prev;
  }
  const next = lines[lines.indexOf(line) + 1];
  if (next && close(line, next) && isNameLike(next)) {
    const nextFolded = fold(next.text).trim();
    const nextStartsWithForm =
      new RegExp(`^(${LEGAL.source}|${BUSINESS.source})`).test(nextFolded) && !isDescriptor(nextFolded);
    const unbalanced = (folded.match(/\(/g) ?? []).length > (folded.match(/\)/g) ?? []).length;
    if (/(&|\band|-)$/.test(folded.trim()) || unbalanced || (nextStartsWithForm && !LEGAL.test(folded))) {
      text = `${text} ${next.text.trim()}`;
      last = next;
    }
  }
  return { text, first, last };
}

function isNameLike(line: Line): boolean {
  const folded = fold(line.text).trim();
  return (
    !isGeneric(folded) &&
    !ADDRESS_STOP.test(folded) &&
    folded.replace(/[^0-9]/g, '').length <= 4 &&
    !REG_NO.test(folded)
  );
}

/** A line made only of kinds of business and connectors describes the shop, it does not name it. */
function isDescriptor(folded: string): boolean {
  const words = folded.split(/[^a-z]+/).filter((w) => w.length > 0 && w !== 'and');
  return words.length > 0 && words.every((w) => BUSINESS.test(w));
}

/** Trims decoration and the registration number printed after the name ("... SDN BHD (519537-X)"). */
export function cleanName(text: string): string {
  let out = mendMalaysianForm(
    text
      .replace(/\s+/g, ' ')
      .replace(/\s+[-|:]?\s*(tax\s+invoice|invoice|receipt|factuur|rechnung|facture|credit\s+note)\s*$/i, '')
      .trim(),
  );
  for (let i = 0; i < 3; i++) {
    out = out
      // OCR noise at the ends: rules and bars read as "|", specks as ";" or a lone "."
      .replace(/^[|!;.]\s+|\s+[|;"'°]+$|\s+\.$/g, '')
      .replace(
        /[\s,]*\(?\s*(co\.?\s*)?(reg\.?\s*)?(no\.?)?\s*:?\s*[a-z]{0,3}\d{3,}[-\s]?[a-z]?\s*["\\]?\)?[\s,.]*$/i,
        '',
      )
      .replace(/[\s,]*\([A-Z0-9]{2,5}\)$/, '')
      // A registration number in brackets with letters misread for digits ("(S19S37-x)").
      .replace(/[\s,]*\(\s*(?=[a-z0-9]*\d[a-z0-9]*\d)[a-z0-9]{5,9}\s*-\s*[a-z]\s*[)}]$/i, '')
      // One or two stray letters after a closing legal form ("… SDN BHD SE").
      .replace(/(\b(sdn\.?\s*bhd|bhd|ltd|limited|inc|gmbh|s\/b)\.?)\s+[a-z]{1,2}$/i, '$1')
      .trim();
  }
  return (
    out
      .replace(/^#?\d{4,}\s+(?=[A-Za-z])/, '')
      // A logo read as a word in front of the same word in print ("amazon Amazon Web Services").
      .replace(/^(\p{L}+)\s+(?=(\p{L}+))/u, (m, a: string, b: string) =>
        a.toLowerCase() === b.toLowerCase() && a !== b ? '' : m,
      )
      .replace(/^(own(ed)?\s*by|dimiliki(\s*oleh)?|sold\s*by|seller|vendor|supplier)\s*:\s*/i, '')
      .replace(/^[\s*#=~-]+|[\s*#=~:,-]+$/g, '')
  );
}

/**
 * Malaysia's "Sdn Bhd" as OCR often reads it ("SON BHD", "SDN BND", "SUN BHU", "SDN BHO"): both words
 * together, each a letter off at most, are the legal form.
 */
function mendMalaysianForm(text: string): string {
  return text.replace(/\b(S[DO0U]N)(\.?\s*)(B[HN][DO0U])\b/gi, (m, sdn: string, gap: string, bhd: string) => {
    if (/^sdn$/i.test(sdn) && /^bhd$/i.test(bhd)) return m;
    const upper = sdn === sdn.toUpperCase() && bhd === bhd.toUpperCase();
    return `${upper ? 'SDN' : 'Sdn'}${gap}${upper ? 'BHD' : 'Bhd'}`;
  });
}

/** Fuzzy match of the account's known suppliers against the document's first lines (and any line). */
function matchKnownSupplier(ctx: FieldContext): { found: Found<string>; line: Line } | null {
  if (ctx.knownSuppliers.length === 0) return null;
  let best: { name: string; line: Line; score: number } | null = null;
  for (const [i, line] of ctx.lines.entries()) {
    const folded = fold(line.text);
    for (const name of ctx.knownSuppliers) {
      const n = fold(name).trim();
      if (n.length < 2) continue;
      const contains = new RegExp(`(^|[^a-z0-9])${escapeRe(n)}([^a-z0-9]|$)`).test(folded);
      const sim = Math.max(similarity(line.text, name), contains ? 0.9 : 0);
      const score = sim - Math.min(0.15, i * 0.005);
      if (sim >= 0.8 && (!best || score > best.score)) best = { name, line, score };
    }
  }
  const chosen = best;
  if (!chosen) return null;
  return {
    found: { value: chosen.name, confidence: conf(chosen.score), location: locate(chosen.line) },
    line: chosen.line,
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TITLE =
  /^(tax\s*invoice|simplified\s*tax\s*invoice|invoice|receipt|official\s*receipt|cash\s*(bill|sale|receipt)|sales\s*receipt|credit\s*note|quotation|delivery\s*order|statement|welcome|thank\s*you|original|copy)\b/;

function readAddress(ctx: FieldContext, nameLine: Line): Found<string> | null {
  return addressFound(addressLines(ctx, nameLine));
}

/**
 * The lines under the name, up to a phone, tax id, date or document title. Leading lines without a digit
 * (a slogan, "formerly known as...") and registration numbers are skipped.
 */
function addressLines(ctx: FieldContext, nameLine: Line): Line[] {
  const after = ctx.lines.filter((l) => l.page === nameLine.page && l.index > nameLine.index).slice(0, 10);
  const parts: Line[] = [];
  let skipped = 0;
  let lastSeen = nameLine;
  for (const [k, line] of after.entries()) {
    const folded = fold(line.text).trim();
    const hasDate = findDates(line.text).length > 0;
    if (parts.length === 0) {
      const digitSoon = after
        .slice(k, k + 3)
        .some((l) => /\d/.test(l.text) && !REG_NO.test(fold(l.text).trim()));
      const taxLabel = /\b(gst|vat|sst|tax\s*id|reg)\b/.test(folded) && /\d{6,}/.test(folded);
      if (line.box[1] - lastSeen.box[3] > 4 * ctx.unit) break;
      lastSeen = line;
      if (
        isRegLine(folded) ||
        taxLabel ||
        (hasDate && skipped < 2) ||
        (!/\d/.test(folded) && digitSoon && skipped < 3)
      ) {
        skipped += 1;
        continue;
      }
    }
    if (ADDRESS_STOP.test(folded) || TITLE.test(folded) || hasDate) break;
    if (parts.length > 0 && (isRegLine(folded) || isNumberLine(folded))) break;
    const prev = parts[parts.length - 1] ?? lastSeen;
    if (line.box[1] - prev.box[3] > 3 * ctx.unit) break;
    parts.push(line);
    if (parts.length >= 6) break;
  }
  return parts;
}

/**
 * OCR noise in an address: table rules read as lone bars, a speck before the first word, and a zero
 * for the O of "No." ("N0.23").
 */
export function cleanAddress(text: string): string {
  return text
    .replace(/(^|\s)[|¦]+(?=\s|$)/g, '')
    .replace(/^[.,;:'"`]+\s+/, '')
    .replace(/\bN0(?=[\s.,:]|\d)/g, 'NO')
    .replace(/\s+/g, ' ')
    .trim();
}

function addressFound(parts: readonly Line[]): Found<string> | null {
  if (parts.length === 0) return null;
  const hasDigit = parts.some((p) => /\d/.test(p.text));
  const text = cleanAddress(
    parts
      .map((p) => p.text.trim())
      .join(' ')
      .replace(/\s+/g, ' '),
  );
  const first = parts[0];
  const last = parts[parts.length - 1];
  const box: [number, number, number, number] | null =
    first && last
      ? [
          Math.min(...parts.map((p) => p.box[0])),
          first.box[1],
          Math.max(...parts.map((p) => p.box[2])),
          last.box[3],
        ]
      : null;
  return {
    value: text,
    confidence: conf(hasDigit ? 0.7 : 0.4),
    location: box && first ? { page: first.page, box } : null,
  };
}
