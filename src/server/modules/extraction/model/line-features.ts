import { findDates } from '../dates';
import type { Line } from '../lines';
import { fold } from '../fields/context';

/**
 * Layout and wording facts about one line, the raw material of the supplier model's features.
 * Everything here is general: legal forms, street words and postcodes in several languages, position,
 * size and shape. Nothing names a supplier.
 */
export interface LineFacts {
  line: Line;
  folded: string;
  /** 0 at the first line's top, 1 at the last line's bottom. */
  top: number;
  /** Word height over the document's median word height. */
  height: number;
  /** 1 when the line's centre is on the page's centre, 0 at an edge. */
  centred: number;
  /** Line width over the page's text width. */
  width: number;
  upper: number;
  digits: number;
  letters: number;
  words: number;
  legal: boolean;
  business: boolean;
  postcode: boolean;
  street: boolean;
  unitWord: boolean;
  country: boolean;
  startsWithNumber: boolean;
  endsComma: boolean;
  endsStop: boolean;
  commas: number;
  contact: boolean;
  taxOrReg: boolean;
  title: boolean;
  date: boolean;
  amount: boolean;
  generic: boolean;
  regNumber: boolean;
  numberOnly: boolean;
  parenthesis: boolean;
  endsJoiner: boolean;
  personish: boolean;
  /** Gap to the previous / next line in units of the median word height (large when absent). */
  gapBefore: number;
  gapAfter: number;
}

/** Legal forms of registered businesses in several languages. */
export const LEGAL_FORM =
  /\b(sdn\.?\s*bhd|sdn|bhd|berhad|s\/b|enterprises?|trading|ltd|limited|inc|llc|l\.l\.c|llp|gmbh|ag|b\.?\s?v|n\.?\s?v|v\.?o\.?f|s\.?a\.?r\.?l|sarl|s\.a|s\.?a\.?s|e\.?u\.?r\.?l|sp\.?\s*z\s*o\.?\s*o|s\.?p\.?a|s\.?r\.?l|plc|pty|pte|pvt|co|corp|corporation|company|holdings?|industries|group|perniagaan|syarikat|a\/s|aps|k\.k)\b\.?/;
const BUSINESS =
  /\b(restaurant|restoran|cafe|bistro|bar|pub|grill|bakery|kedai|store|stores|mart|market|supermarket|hypermarket|pasaraya|pharmacy|farmasi|hardware|electrical|hotel|station|services?|solutions|stationery|bookstore|motor|florist|clinic|centre|center|shop|boutique|deli|kitchen|foods?|resources|marketing|agency|studio|machinery|furniture|optical|printing|electronics?|catering)\b/;
/** Street and place words in several languages (English, Malay, German, French, Dutch, Spanish, Italian, Polish). */
const STREET =
  /\b(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|highway|hwy|square|jalan|jln|lorong|lrg|persiaran|lebuh|lebuhraya|taman|tmn|bandar|bdr|kampung|kg|seksyen|section|kawasan|strasse|str|stra(ss|ß)e|weg|platz|allee|gasse|rue|chemin|boulevard|place|quai|impasse|straat|laan|plein|gracht|kade|calle|avenida|plaza|via|viale|piazza|corso|ulica|ul)\b/;
/** German and Dutch street names are compounds ("Uferweg", "Hauptstraße", "Kalverstraat"). */
const STREET_SUFFIX =
  /[a-z](strasse|stra(ss|ß)e|str\.|weg|gasse|allee|platz|straat|laan|plein|gracht|kade|dreef|singel)(\s|,|$)/;
const UNIT_WORD =
  /\b(no|lot|unit|level|lvl|floor|flr|fl|block|blk|suite|ste|building|bldg|plaza|complex|tower|wisma|menara|bangunan|postfach|bp|po\s*box|cedex)\b|\b\d+(st|nd|rd|th)\b/;
const COUNTRY =
  /\b(malaysia|singapore|indonesia|thailand|philippines|india|china|hong\s*kong|japan|australia|new\s*zealand|united\s*kingdom|uk|usa|united\s*states|canada|germany|deutschland|france|nederland|netherlands|belgi(e|um|que)|espa(n|ñ)a|spain|italia|italy|polska|poland|schweiz|suisse|switzerland|osterreich|austria)\b/;
/** Postcodes: 4 to 6 digits standing alone, "D-63571", "3012 CN", "SW1A 1AA", "09-411", "98109-5210". */
const POSTCODE =
  /(^|[\s,.(])(\d{5}|\d{4}|\d{6}|[a-z]{1,2}-\d{4,5}|\d{4}\s?[a-z]{2}|\d{2}-\d{3}|\d{5}-\d{4})([\s,.)]|$)|\b[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2}\b/;
const CONTACT =
  /\b(tel|telephone|phone|ph|fax|mobile|h\/?p|hotline|careline|customer\s*care|email|e-mail|www|http)\b|careline|@|\.com\b/;
/** A phone number's shape: groups of digits separated by spaces or dashes, 9 digits or more ("03-8062 6265"). */
const PHONE = /(^|[^\d/])(\+?\d{1,3}[\s-])?\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}(?![\d/])/;

function hasPhone(text: string): boolean {
  const m = PHONE.exec(text);
  return m !== null && m[0].replace(/\D/g, '').length >= 9;
}
const TAX_OR_REG =
  /\b(gst|vat|sst|tax|abn|gstin|kvk|btw|siret|siren|iban|bic|ust|ustid|steuer|nip|tin|roc|ssm|reg|registration|co\.?\s*no|company\s*no)\b/;
const TITLE =
  /^(tax\s*invoice|simplified\s*tax\s*invoice|invoice|receipt|official\s*receipt|cash\s*(bill|sale|receipt)|sales\s*receipt|credit\s*note|quotation|delivery\s*order|statement|welcome|thank\s*you|original|copy|factuur|rechnung|facture|faktura|fattura|factura)\b/;
const GENERIC =
  /goods\s*sold|returnable|exchangeable|refundable|thank\s*you|\btq\b|welcome|^(bill\s*to|ship\s*to|sold\s*to|customer|cashier|table|order|member|date|time|page\s*\d+)/;
const AMOUNT = /\d+[.,]\d{2}\b/;
const REG_ONLY =
  /^\W*(\(?\s*(co\.?\s*(reg|no)|company\s*(reg|no)|roc|reg\.?\s*no|registration)[^)]*\)?|\(?[a-z]{0,3}\s*\d{4,}[-\s]?[a-z]\)?|\([a-z0-9-]{6,}\))\W*$/;
const PERSONISH = /^[a-z]+(\s+[a-z]+){1,3}$/;

/** Facts about every line of the first page (the supplier's header is there). */
export function lineFacts(lines: readonly Line[], unit: number): LineFacts[] {
  const page = lines.filter((l) => l.page === 1);
  if (page.length === 0) return [];
  const minY = Math.min(...page.map((l) => l.box[1]));
  const maxY = Math.max(...page.map((l) => l.box[3]));
  const minX = Math.min(...page.map((l) => l.box[0]));
  const maxX = Math.max(...page.map((l) => l.box[2]));
  const spanY = Math.max(1, maxY - minY);
  const spanX = Math.max(1, maxX - minX);
  const u = Math.max(1, unit);
  return page.map((line, i) => {
    const text = line.text.trim();
    const folded = fold(text);
    const letters = text.replace(/[^\p{L}]/gu, '');
    const uppers = letters.replace(/[^\p{Lu}]/gu, '').length;
    const digits = text.replace(/[^0-9]/g, '').length;
    const chars = Math.max(1, text.replace(/\s/g, '').length);
    const heights = line.words.map((w) => w.box[3] - w.box[1]).sort((a, b) => a - b);
    const h = heights[Math.floor(heights.length / 2)] ?? u;
    const cx = (line.box[0] + line.box[2]) / 2;
    const prev = page[i - 1];
    const next = page[i + 1];
    const alpha = folded.replace(/[^a-z]/g, '');
    return {
      line,
      folded,
      top: (line.box[1] - minY) / spanY,
      height: h / u,
      centred: 1 - Math.min(1, Math.abs(cx - (minX + maxX) / 2) / (spanX / 2)),
      width: (line.box[2] - line.box[0]) / spanX,
      upper: letters.length === 0 ? 0 : uppers / letters.length,
      digits: digits / chars,
      letters: letters.length,
      words: text.split(/\s+/).filter((w) => w.length > 0).length,
      legal: LEGAL_FORM.test(folded),
      business: BUSINESS.test(folded),
      postcode: POSTCODE.test(folded),
      street: STREET.test(folded) || STREET_SUFFIX.test(folded),
      unitWord: UNIT_WORD.test(folded),
      country: COUNTRY.test(folded),
      startsWithNumber: /^(no\.?\s*)?\d/.test(folded),
      endsComma: /,$/.test(text),
      endsStop: /\.$/.test(text),
      commas: (text.match(/,/g) ?? []).length,
      contact: CONTACT.test(folded) || hasPhone(folded),
      taxOrReg: TAX_OR_REG.test(folded),
      title: TITLE.test(folded),
      date: findDates(text).length > 0,
      amount: AMOUNT.test(folded),
      generic: alpha.length < 3 || GENERIC.test(folded),
      regNumber:
        REG_ONLY.test(folded) || (/\d{4,}\s?-?\s?[a-z]?\b/.test(folded) && alpha.length < 8 && digits >= 5),
      numberOnly: alpha.length < 3 && digits >= 4,
      parenthesis: /[()]/.test(text),
      endsJoiner: /(&|\band|-|,)$/.test(folded),
      personish: PERSONISH.test(folded) && !LEGAL_FORM.test(folded),
      gapBefore: prev ? Math.min(10, Math.max(0, line.box[1] - prev.box[3]) / u) : 10,
      gapAfter: next ? Math.min(10, Math.max(0, next.box[1] - line.box[3]) / u) : 10,
    };
  });
}
