/**
 * Small e-invoices built in code for tests: a minimal EN 16931 UBL invoice and CII invoice whose
 * values can be changed one at a time to break exactly one business rule.
 */

export interface InvoiceSpec {
  id: string | null;
  issueDate: string | null;
  currency: string | null;
  sellerName: string | null;
  buyerName: string;
  lines: string[];
  lineTotal: string;
  net: string;
  tax: string;
  total: string;
  prepaid: string | null;
  payable: string;
  typeCode: string;
}

export const VALID_SPEC: InvoiceSpec = {
  id: 'INV-1',
  issueDate: '2024-03-01',
  currency: 'EUR',
  sellerName: 'Seller Ltd',
  buyerName: 'Buyer GmbH',
  lines: ['60.00', '40.00'],
  lineTotal: '100.00',
  net: '100.00',
  tax: '20.00',
  total: '120.00',
  prepaid: null,
  payable: '120.00',
  typeCode: '380',
};

const opt = (tag: string, value: string | null): string =>
  value === null ? '' : `<${tag}>${value}</${tag}>`;

/** A minimal Peppol-style UBL 2.1 invoice. */
export function ublInvoice(change: Partial<InvoiceSpec> = {}): string {
  const s = { ...VALID_SPEC, ...change };
  const cur = s.currency ?? 'EUR';
  const amount = (tag: string, v: string): string => `<cbc:${tag} currencyID="${cur}">${v}</cbc:${tag}>`;
  const lines = s.lines
    .map(
      (a, i) => `<cac:InvoiceLine><cbc:ID>${String(i + 1)}</cbc:ID>
  <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>${amount('LineExtensionAmount', a)}
  <cac:Item><cbc:Name>Item ${String(i + 1)}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
  <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
  <cac:Price>${amount('PriceAmount', a)}</cac:Price></cac:InvoiceLine>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
${opt('cbc:ID', s.id)}
${opt('cbc:IssueDate', s.issueDate)}
<cbc:DueDate>2024-03-31</cbc:DueDate>
<cbc:InvoiceTypeCode>${s.typeCode}</cbc:InvoiceTypeCode>
${opt('cbc:DocumentCurrencyCode', s.currency)}
<cac:OrderReference><cbc:ID>PO-7</cbc:ID></cac:OrderReference>
<cac:AccountingSupplierParty><cac:Party>
  <cac:PostalAddress><cbc:StreetName>1 High Street</cbc:StreetName><cbc:CityName>London</cbc:CityName><cbc:PostalZone>N1 1AA</cbc:PostalZone><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyTaxScheme><cbc:CompanyID>GB123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity>${opt('cbc:RegistrationName', s.sellerName)}</cac:PartyLegalEntity>
</cac:Party></cac:AccountingSupplierParty>
<cac:AccountingCustomerParty><cac:Party>
  <cac:PostalAddress><cbc:CityName>Berlin</cbc:CityName><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyLegalEntity><cbc:RegistrationName>${s.buyerName}</cbc:RegistrationName></cac:PartyLegalEntity>
</cac:Party></cac:AccountingCustomerParty>
<cac:TaxTotal>${amount('TaxAmount', s.tax)}
  <cac:TaxSubtotal>${amount('TaxableAmount', s.net)}${amount('TaxAmount', s.tax)}
  <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
  </cac:TaxSubtotal>
</cac:TaxTotal>
<cac:LegalMonetaryTotal>
  ${amount('LineExtensionAmount', s.lineTotal)}${amount('TaxExclusiveAmount', s.net)}${amount('TaxInclusiveAmount', s.total)}
  ${s.prepaid === null ? '' : amount('PrepaidAmount', s.prepaid)}${amount('PayableAmount', s.payable)}
</cac:LegalMonetaryTotal>
${lines}
</Invoice>
`;
}

/** A minimal EN 16931 CII invoice (D16B), optionally with the VAT total also given in a second currency. */
export function ciiInvoice(
  change: Partial<InvoiceSpec> = {},
  secondTaxTotal?: { currency: string; amount: string },
): string {
  const s = { ...VALID_SPEC, ...change };
  const date = s.issueDate === null ? '' : s.issueDate.replace(/-/g, '');
  const lines = s.lines
    .map(
      (a, i) => `<ram:IncludedSupplyChainTradeLineItem>
  <ram:AssociatedDocumentLineDocument><ram:LineID>${String(i + 1)}</ram:LineID></ram:AssociatedDocumentLineDocument>
  <ram:SpecifiedTradeProduct><ram:Name>Item ${String(i + 1)}</ram:Name></ram:SpecifiedTradeProduct>
  <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>${a}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
  <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
  <ram:SpecifiedLineTradeSettlement>
    <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
    <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${a}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
  </ram:SpecifiedLineTradeSettlement>
</ram:IncludedSupplyChainTradeLineItem>`,
    )
    .join('\n');
  const second =
    secondTaxTotal === undefined
      ? ''
      : `<ram:TaxTotalAmount currencyID="${secondTaxTotal.currency}">${secondTaxTotal.amount}</ram:TaxTotalAmount>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
<rsm:ExchangedDocument>${opt('ram:ID', s.id)}<ram:TypeCode>${s.typeCode}</ram:TypeCode>
  <ram:IssueDateTime><udt:DateTimeString format="102">${date}</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>
${lines}
<ram:ApplicableHeaderTradeAgreement>
  <ram:SellerTradeParty>${opt('ram:Name', s.sellerName)}<ram:PostalTradeAddress><ram:PostcodeCode>75001</ram:PostcodeCode><ram:LineOne>1 rue de la Paix</ram:LineOne><ram:CityName>Paris</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR12345678901</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
  <ram:BuyerTradeParty><ram:Name>${s.buyerName}</ram:Name></ram:BuyerTradeParty>
</ram:ApplicableHeaderTradeAgreement>
<ram:ApplicableHeaderTradeDelivery/>
<ram:ApplicableHeaderTradeSettlement>
  ${opt('ram:InvoiceCurrencyCode', s.currency)}
  <ram:ApplicableTradeTax><ram:CalculatedAmount>${s.tax}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>${s.net}</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
  <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20240331</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
  <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:LineTotalAmount>${s.lineTotal}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>${s.net}</ram:TaxBasisTotalAmount>
    ${second}<ram:TaxTotalAmount currencyID="${s.currency ?? 'EUR'}">${s.tax}</ram:TaxTotalAmount>
    <ram:GrandTotalAmount>${s.total}</ram:GrandTotalAmount>${opt('ram:TotalPrepaidAmount', s.prepaid)}<ram:DuePayableAmount>${s.payable}</ram:DuePayableAmount>
  </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
</ram:ApplicableHeaderTradeSettlement>
</rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
