import type { Phrase } from '../lexicon.ts';

/**
 * Payment fraud lexicons, one per scheme: gift cards bought for "the boss", wire transfers
 * pushed by a fake executive, a supplier's "new bank details", and overdue invoices.
 */

/** Gift cards to buy and codes to send back. Prize spam that merely offers a card is not here. */
export const GIFT_CARD_PHRASES: readonly Phrase[] = [
  {
    pattern:
      '(?:buy|purchase|pick up|get me|order) (?:some |the |a few |(?:\\d+|two|three|four|five|six|ten) )?(?:\\$?\\d+ )?(?:(?:itunes|apple|google play|steam|amazon|ebay|visa|vanilla|target|walmart|sephora|razer gold|best buy) )?(?:gift ?cards?|e-?gift cards?)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: 'scratch (?:off )?(?:the )?(?:back|silver|cards?|pins?|codes?)', strength: 0.6, lang: 'en' },
  {
    pattern:
      '(?:send|email|text|forward) (?:me )?(?:the |all the )?(?:card )?(?:codes?|pins?|pictures|pics|photos|images|snapshots) (?:of (?:the )?(?:cards?|back|codes)|on the back)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:send|email|text) me the (?:codes|card codes|gift card codes|redemption codes)', strength: 0.7, lang: 'en' },
  {
    pattern: 'gift ?cards? (?:for|to) (?:some|our|the|my) (?:clients|staff|employees|customers|team|colleagues|members)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: '(?:surprise|appreciate|reward) (?:some of |our |the )?(?:staff|employees|clients|team members)', strength: 0.3, lang: 'en' },
  { pattern: 'how (?:fast|quickly|soon) can you (?:get|buy|purchase)', strength: 0.5, lang: 'en' },
  { pattern: '(?:itunes|google play|steam|razer gold|apple store|ebay) (?:gift )?cards?', strength: 0.25, lang: 'en' },
  {
    pattern: '(?:comprar|compre|compra) (?:(?:alguns|algunos|\\d+) )?(?:cartoes|cartao|tarjetas?|vales?) (?:de )?(?:presente|regalo)',
    strength: 0.7,
    lang: 'pt',
  },
  { pattern: '(?:acheter|achetez|achete) (?:des |quelques )?cartes? cadeaux?', strength: 0.7, lang: 'fr' },
  { pattern: '(?:geschenkkarten|gutscheinkarten) (?:kaufen|besorgen)', strength: 0.7, lang: 'de' },
];

/** A transfer to push through quickly and quietly: CEO fraud's core request. */
export const WIRE_TRANSFER_PHRASES: readonly Phrase[] = [
  {
    pattern:
      '(?:process|make|send|initiate|arrange|effect|complete|execute|handle) (?:a |an |the |this )?(?:urgent |immediate |quick |same[- ]day |international |outgoing )?(?:wire transfer|wire|bank transfer|fund(?:s)? transfer|swift transfer|telegraphic transfer)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:urgent|immediate|same[- ]day) (?:wire|payment|transfer|remittance)(?: today| now| request)?',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      '(?:processing|getting|get|have) (?:the|this|a|an) (?:wire|wire transfer|payment|bank transfer|transfer) (?:processed|done|sent|urgently|today|right away)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:prioriti[sz]e )?processing (?:the|this|a|an) (?:wire|wire transfer|bank transfer|transfer)', strength: 0.5, lang: 'en' },
  {
    pattern: '(?:wire|transfer|payment) (?:processed|done|sent|made|completed) (?:today|right away|asap|immediately|as soon as possible)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern:
      "(?:let me know|get back to me|notify me|confirm to me) (?:once|when|as soon as) (?:it'?s|it is|it has been|the (?:wire|payment|transfer) (?:has been|is)) (?:sent|processed|done|completed|made)",
    strength: 0.5,
    lang: 'en',
  },
  { pattern: 'before (?:the )?(?:close|cut-?off|end) of (?:banking|business)(?: hours| day| today)?', strength: 0.5, lang: 'en' },
  {
    pattern: '(?:wire (?:report|confirmation|slip)|transfer (?:slip|receipt|confirmation copy)|swift copy|mt103)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:swift|iban|routing|aba|sort) (?:code|number|no)', strength: 0.25, lang: 'en' },
  { pattern: 'beneficiary (?:name|account|bank|details|information)', strength: 0.25, lang: 'en' },
  { pattern: '(?:strictly|highly) confidential (?:transaction|matter|acquisition)|confidential acquisition', strength: 0.4, lang: 'en' },
  { pattern: '(?:pending|outstanding) (?:invoice|payment) from (?:our|a|the) (?:vendor|supplier)', strength: 0.4, lang: 'en' },
  {
    pattern:
      '(?:realizar|fazer|efetuar|hacer|realice|realiza|efectuar|efetue) (?:uma |una |la |a |um )?(?:transferencia|ted|pix|remessa) (?:urgente|imediata|hoje|hoy|bancaria)',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: '(?:transferencia|pago|pagamento) (?:urgente|inmediat[oa]|imediat[oa])', strength: 0.4, lang: 'es' },
  { pattern: "(?:effectuer|faire|realiser) un (?:virement|paiement) (?:urgent|aujourd'hui|international)", strength: 0.6, lang: 'fr' },
  { pattern: 'virement (?:urgent|international|confidentiel)', strength: 0.5, lang: 'fr' },
  { pattern: '(?:dringende|eilige|vertrauliche) (?:uberweisung|zahlung)', strength: 0.6, lang: 'de' },
];

/** "Please pay into our new account": invoice redirection and payroll diversion. */
export const BANK_DETAILS_CHANGE_PHRASES: readonly Phrase[] = [
  {
    pattern:
      '(?:our|my) (?:bank(?:ing)?|account|payment|remittance|payroll|direct deposit) (?:details|information|info|instructions|account) (?:have|has) (?:changed|been (?:changed|updated|modified))',
    strength: 0.8,
    lang: 'en',
  },
  {
    pattern:
      '(?:new|updated|changed|change of|change in|change to) (?:our |my )?(?:bank(?:ing)?|remittance|payment|receiving) (?:details|information|instructions|account details)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: "(?:we have|we've|we) (?:recently )?(?:changed|updated|switched|moved) (?:our )?(?:bank|banks|banking|bank account|account)",
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:change|update|switch) (?:my|the) (?:payroll|direct deposit|salary)(?: account| details| information| bank)?',
    strength: 0.7,
    lang: 'en',
  },
  {
    pattern:
      "(?:do not|don'?t|stop) (?:use|pay (?:to|into)|send (?:payments?|funds) to) (?:the|our) (?:old|previous|former|usual) (?:account|bank)",
    strength: 0.8,
    lang: 'en',
  },
  {
    pattern:
      '(?:old|previous|former|current) (?:bank )?account (?:is|are|has been) (?:closed|no longer (?:active|valid|in use)|under (?:audit|review|maintenance)|frozen|on hold)',
    strength: 0.8,
    lang: 'en',
  },
  {
    pattern:
      '(?:all )?(?:future|outstanding|pending) (?:payments|invoices|remittances) (?:should|must|can) (?:now )?be (?:made|sent|paid|directed|remitted) to',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:novos? dados bancarios|nova conta bancaria|(?:alteracao|mudanca|atualizacao) (?:de|dos|nos) dados bancarios)',
    strength: 0.7,
    lang: 'pt',
  },
  { pattern: '(?:nueva cuenta bancaria|nuevos datos bancarios|cambio de (?:cuenta|datos) bancari[oa]s?)', strength: 0.7, lang: 'es' },
  {
    pattern: '(?:nouvelles? coordonnees bancaires|changement de (?:coordonnees bancaires|rib|banque)|nouveau rib)',
    strength: 0.7,
    lang: 'fr',
  },
  { pattern: '(?:neue|geanderte) (?:bankverbindung|kontoverbindung|iban)', strength: 0.7, lang: 'de' },
];

/** Overdue invoices with something to click or open: often the door to a credential page. */
export const INVOICE_PAYMENT_PHRASES: readonly Phrase[] = [
  { pattern: '(?:overdue|outstanding|unpaid|past due) (?:invoice|payment|balance|bill|amount)s?', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:invoice|payment|bill|balance) (?:is |are |remains )?(?:now )?(?:overdue|past due|outstanding|unpaid)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      '(?:pay|settle|clear) (?:the |this |your |our )?(?:invoice|outstanding balance|balance|bill|amount due) (?:now|today|immediately|online|promptly)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:view|download|open|see|access|review) (?:the |your |attached |this )?(?:invoice|payment (?:advice|confirmation|receipt)|remittance(?: advice)?)',
    strength: 0.3,
    lang: 'en',
  },
  { pattern: '(?:remittance advice|payment advice|proof of payment)', strength: 0.3, lang: 'en' },
  { pattern: '(?:boleto|fatura|nota fiscal|cobranca|debito) (?:em aberto|vencid[oa]|pendente|em atraso)', strength: 0.5, lang: 'pt' },
  { pattern: '(?:segunda via|2a via) (?:do |da )?(?:boleto|fatura|nota)', strength: 0.4, lang: 'pt' },
  { pattern: 'factura (?:pendiente|vencida|impagada|adjunta)', strength: 0.4, lang: 'es' },
  { pattern: '(?:facture (?:impayee|en attente|en retard)|retard de paiement)', strength: 0.4, lang: 'fr' },
  { pattern: '(?:offene|uberfallige|ausstehende) (?:rechnung|zahlung|forderung)|zahlungserinnerung', strength: 0.4, lang: 'de' },
];
