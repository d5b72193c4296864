import type { Line } from '../lines';
import { LEGAL_FORM } from '../model/line-features';
import { fold } from './context';

/**
 * Evidence about the issuer found anywhere on an invoice, beyond its header: the brand behind the
 * document's own web and e-mail domains, the registered entity in a legal footer or a payee label,
 * and a legal name printed beside the document title. All rules are general; none names a supplier.
 */
export interface IssuerEvidence {
  text: string;
  line: Line;
}

/** Platforms and mail providers whose domains name someone else than the issuer. */
const NOT_ISSUER_DOMAIN =
  /^(www|mail|email|e-mail|smtp|web|gmail|googlemail|google|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol|gmx|protonmail|proton|zoho|yandex|qq|163|facebook|fb|instagram|twitter|x|youtube|linkedin|tiktok|whatsapp|wa|pinterest|telegram|surveymonkey|typeform|paypal|stripe|apple|play|tcpdf|adobe|acrobat|example|fake|test|localhost)$/;
/** Lines about the software that made the document, not its issuer. */
const MADE_BY =
  /\b(powered\s+by|generated\s+(by|with)|created\s+(by|with)|made\s+with|printed\s+by|software\s+by)\b/;
const TLD = /^(com|net|org|biz|info|co|io|ai|app|shop|store|online|site|[a-z]{2})$/;

/** Second-level labels of the domains in web addresses and e-mail addresses on the document. */
export function documentDomains(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const text = fold(line.text);
    if (MADE_BY.test(text)) continue;
    // A host after "www.", "http(s)://" or "@", or a bare host ending in a generic top-level domain
    // ("flipkart.com"); a bare "reg.no" or "s.a" is not a web address.
    const re = /(https?:\/\/|www\.|@|\b)((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[\s/:,;)>"']|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if ((m[1] ?? '') === '' && !/\.(com|net|org|biz|info)(\.[a-z]{2})?$/.test(m[2] ?? '')) continue;
      const host = m[2] ?? '';
      const labels = host.split('.').filter((l) => l.length > 0);
      // Drop the top-level domain and a country second level ("co.uk", "com.my").
      while (labels.length > 1 && TLD.test(labels[labels.length - 1] ?? '')) {
        labels.pop();
        if (labels.length > 1 && /^(com|co|net|org|gov|ac|edu)$/.test(labels[labels.length - 1] ?? ''))
          labels.pop();
        break;
      }
      if (labels.length === 0 || host === labels.join('.')) continue;
      for (const label of labels) {
        if (
          label.length >= 3 &&
          !NOT_ISSUER_DOMAIN.test(label) &&
          !/^\d+$/.test(label) &&
          !out.includes(label)
        )
          out.push(label);
      }
    }
  }
  return out;
}

interface Token {
  text: string;
  key: string;
  capital: boolean;
}

function tokens(line: Line): Token[] {
  return line.text
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .filter((t) => !/[@/]|^www\./i.test(t))
    .map((raw) => {
      const text = raw
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
        .replace(/\.(com|net|org|[a-z]{2})\.?$/i, '')
        .replace(/\.$/, '');
      return { text, key: fold(text).replace(/[^a-z0-9]/g, ''), capital: /^\p{Lu}/u.test(text) };
    });
}

/** A run of capitalised words whose letters spell the domain label, or whose initials do ("Amazon Web Services" = aws). */
function matchRun(ts: readonly Token[], i: number, label: string): number {
  let best = 0;
  let letters = '';
  let initials = '';
  for (let n = 1; n <= 4 && i + n <= ts.length; n++) {
    const t = ts[i + n - 1];
    if (!t || !t.capital || t.key.length === 0) break;
    letters += t.key;
    initials += t.key[0] ?? '';
    if (letters === label) best = n;
    else if (n >= 2 && initials === label) best = n;
    else if (n === 1 && label.startsWith(letters) && letters.length >= 3 && t.text === t.text.toUpperCase())
      best = n;
  }
  return best;
}

const LEGAL_ONLY = new RegExp(`^(${LEGAL_FORM.source})$`);

/** The issuer's brand: the earliest capitalised words on the document that spell one of its own domains. */
export function domainBrand(lines: readonly Line[]): IssuerEvidence | null {
  const labels = documentDomains(lines);
  if (labels.length === 0) return null;
  for (const line of lines) {
    if (MADE_BY.test(fold(line.text))) continue;
    const ts = tokens(line);
    let found: { start: number; n: number } | null = null;
    for (let i = 0; i < ts.length; i++) {
      for (const label of labels) {
        const n = matchRun(ts, i, label);
        if (n > 0 && (!found || n > found.n)) found = { start: i, n };
      }
    }
    if (!found) continue;
    const words = ts.slice(found.start, found.start + found.n).map((t) => t.text);
    // A legal form printed right after the brand belongs to it ("QualityHosting AG").
    const next = ts[found.start + found.n];
    if (next && LEGAL_ONLY.test(fold(next.text))) words.push(next.text);
    return { text: words.join(' '), line };
  }
  return null;
}

const REGISTERED =
  /\b(si[eè]ge\s+social|registered\s+office|regd\.?\s+office|sitz\s+der\s+gesellschaft|gesch[aä]ftssitz|statutaire\s+zetel|au\s+capital\s+de|capital\s+social|share\s+capital)\b/;
const PAYEE =
  /\b(titulaire\s+du\s+compte|account\s+holder|account\s+name|kontoinhaber|rekeninghouder|ten\s+name\s+van|beneficiary|payable\s+to|in\s+favou?r\s+of)\b\s*:?\s*(.*)$/;

function nameLike(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && text.replace(/[^0-9]/g, '').length <= 2 && text.split(/\s+/).length <= 6;
}

/** The registered entity named by a payee label or a legal footer ("Titulaire du compte : X", "X SAS au capital de"). */
export function footerEntity(lines: readonly Line[]): IssuerEvidence | null {
  for (const [i, line] of lines.entries()) {
    const text = line.text.trim();
    const m = PAYEE.exec(fold(text));
    if (m) {
      const rest = text.slice(text.length - (m[2] ?? '').length).trim();
      if (nameLike(rest)) return { text: rest, line };
      const next = lines[i + 1];
      if (rest === '' && next && nameLike(next.text.trim())) return { text: next.text.trim(), line: next };
    }
  }
  for (const [i, line] of lines.entries()) {
    const folded = fold(line.text);
    const m = REGISTERED.exec(folded);
    if (!m) continue;
    const before = line.text
      .slice(0, m.index)
      .replace(/[\s,:;–-]+$/, '')
      .trim();
    if (before.length > 0 && nameLike(before) && LEGAL_FORM.test(fold(before))) return { text: before, line };
    const prev = lines[i - 1];
    if (before.length === 0 && prev && nameLike(prev.text.trim()))
      return { text: prev.text.trim(), line: prev };
  }
  return null;
}

/**
 * The sender's return-address line printed above the recipient's window in European letters
 * ("Nordwind GmbH - Hafenweg 1 - D-20457 Hamburg"): the first part names the sender.
 */
export function senderLine(lines: readonly Line[]): IssuerEvidence | null {
  for (const line of lines.slice(0, 3)) {
    const parts = line.text.split(/\s+[-–·|•]\s+/).map((p) => p.trim());
    if (parts.length < 3) continue;
    const name = parts[0] ?? '';
    const last = fold(parts[parts.length - 1] ?? '');
    if (nameLike(name) && /(^|\s)([a-z]{1,2}-)?\d{4,5}(\s|$)|\d{4}\s?[a-z]{2}\b/.test(last))
      return { text: name, line };
  }
  return null;
}

const THROUGH =
  /^(ordered|bought|purchased|sold)\s+(through|via|on)\s*:?\s*(.*)$|^(marketplace|platform|ordered\s+from)\s*:\s*(.*)$/;

/**
 * The platform an order was placed through ("Ordered Through : Shopwise.com", "Marketplace: X").
 * Marketplace invoices are printed for a third-party seller, but a practice books them under the
 * platform the client bought from (decision 0111); the seller stays on the document.
 */
export function orderedThrough(lines: readonly Line[]): IssuerEvidence | null {
  for (const [i, line] of lines.entries()) {
    const text = line.text.trim();
    const m = THROUGH.exec(fold(text));
    if (!m) continue;
    let rest = text
      .slice(text.length - (m[3] ?? m[5] ?? '').length)
      .replace(/^[\s:]+/, '')
      .trim();
    let at = line;
    const next = lines[i + 1];
    if (rest === '' && next) {
      rest = next.text.trim();
      at = next;
    }
    // The platform's name: its first word, without a web address's top-level domain ("Shopwise.com").
    // After "on" only a web address counts ("Ordered on Jan 5" names a date).
    const first = (rest.split(/\s+/)[0] ?? '').replace(/^(https?:\/\/)?(www\.)?/i, '');
    if (m[2] === 'on' && !/\.[a-z]{2,}/i.test(first)) continue;
    const host = /^([\p{L}\p{N}&-]+)(\.[a-z]{2,})+\/?\W*$/iu.exec(first);
    const name = (host?.[1] ?? first).replace(/[^\p{L}\p{N}&-]+$/u, '');
    if (name.replace(/[^\p{L}]/gu, '').length >= 3 && /^\p{Lu}/u.test(name)) return { text: name, line: at };
  }
  return null;
}

const ON_BEHALF =
  /\s+(iov|i\.\s?o\.\s?v\.?|on\s+behalf\s+of|acting\s+for|namens|im\s+auftrag\s+(von|der|des)?|pour\s+le\s+compte\s+de)\s+\S/;

/**
 * A registered entity that says it acts for a brand ("Kestrel Retail B.V. iov Brandname.com",
 * "Acme Ltd on behalf of Brand"): the entity issues the invoice.
 */
export function onBehalfOf(lines: readonly Line[]): IssuerEvidence | null {
  for (const line of lines) {
    const text = line.text.trim();
    const m = ON_BEHALF.exec(fold(text));
    if (!m) continue;
    const before = text
      .slice(0, m.index)
      .replace(/[\s,:;–-]+$/, '')
      .trim();
    if (nameLike(before) && LEGAL_FORM.test(fold(before))) return { text: before, line };
  }
  return null;
}

const REGISTRATION =
  /\b(vat|btw|tva|ust|mwst|gst|kvk|coc|siret|siren|rcs|iban|company\s*(no|number|reg)|reg(istration|istered)?\s*(no|number)|handelsregister|hrb|chamber\s+of\s+commerce|abn|nip|cif|nif)\b/;

/**
 * A company block (often the footer): a legal name followed within four lines by a tax, registration
 * or bank id ("Kestrel Retail B.V." / "Badweg 48 ..." / "BTW-nr: NL..."), outside any customer block.
 */
export function companyBlock(lines: readonly Line[]): IssuerEvidence | null {
  for (const [i, line] of lines.entries()) {
    const text = line.text.trim();
    const folded = fold(text);
    if (!nameLike(text) || !LEGAL_FORM.test(folded) || REGISTRATION.test(folded)) continue;
    if (inCustomerBlock(lines, line)) continue;
    const after = lines.slice(i + 1, i + 5).filter((l) => l.page === line.page);
    if (after.some((l) => REGISTRATION.test(fold(l.text)))) return { text, line };
  }
  return null;
}

const SELLER =
  /^(sold\s+by|seller|vendor|supplier|verk[aä]ufer|vendeur|leverancier|sprzedawca|venditore|vendedor)\s*:\s*(.+)$/;

/** A labelled seller ("Sold By : X", "Verkäufer: X", "Sprzedawca: X"). */
export function labelledSeller(lines: readonly Line[]): IssuerEvidence | null {
  for (const line of lines) {
    const text = line.text.trim();
    const m = SELLER.exec(fold(text));
    if (!m) continue;
    const rest = text
      .slice(text.length - (m[2] ?? '').length)
      .replace(/[\s,;:]+$/, '')
      .trim();
    if (nameLike(rest)) return { text: rest, line };
  }
  return null;
}

const TITLE_WORD =
  /^(tax\s+invoice|invoice|receipt|factuur|rechnung|facture|faktura|fattura|factura|credit\s+note)\b[\s.:|-]*/;

/** A legal name printed on the same line as the document title at the top ("FACTUUR. Coolblue B.V."). */
export function titledLegalName(lines: readonly Line[]): IssuerEvidence | null {
  for (const line of lines.slice(0, 3)) {
    const text = line.text.trim();
    const m = TITLE_WORD.exec(fold(text));
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest.length > 0 && nameLike(rest) && LEGAL_FORM.test(fold(rest))) return { text: rest, line };
  }
  return null;
}

const BILL_TO =
  /^(bill(ed)?\s+to|billing\s+address|invoice\s+(to|address)|(shipping|delivery)\s+address|ship\s+to|deliver\s+to|sold\s+to|customer|client|factuuradres|afleveradres|rechnungsadresse|lieferadresse|adresse\s+de\s+facturation|adresse\s+de\s+livraison|destinataire)\b/;

/** Is the line inside a customer block: within five lines under a "Bill to" style label? */
export function inCustomerBlock(lines: readonly Line[], line: Line): boolean {
  const i = lines.indexOf(line);
  for (let k = Math.max(0, i - 5); k < i; k++) {
    if (BILL_TO.test(fold(lines[k]?.text ?? '').trim())) return true;
  }
  return false;
}

/** Contains the letters of `b` (case, spacing and punctuation ignored). */
export function containsLetters(a: string, b: string): boolean {
  const f = (s: string): string => fold(s).replace(/[^a-z0-9]/g, '');
  return f(b).length > 0 && f(a).includes(f(b));
}
