import type { Phrase } from '../lexicon.ts';

/**
 * Parcel lures: a package is held, taxed or returned until a small fee is paid or an address
 * confirmed. Ordinary "your order has shipped" mail uses none of these phrases.
 */
export const DELIVERY_FEE_PHRASES: readonly Phrase[] = [
  {
    pattern:
      '(?:package|parcel|shipment|delivery|item) (?:is |has been |was )?(?:on hold|being held|held|suspended|could not be delivered|was not delivered|returned to (?:the )?(?:warehouse|sender)|awaiting (?:payment|confirmation))',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:pay|settle) (?:the |a |your )?(?:small )?(?:customs|shipping|delivery|redelivery|re-delivery|import|handling) (?:fee|charge|duty|tax|costs?)',
    strength: 0.7,
    lang: 'en',
  },
  {
    pattern: '(?:unpaid|outstanding|pending) (?:customs|shipping|delivery|redelivery|import) (?:fee|charge|duty|tax)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern:
      '(?:schedule|confirm|update|reschedule) (?:your |the )?(?:delivery|redelivery|shipping) (?:address|date|details|information|preferences)',
    strength: 0.35,
    lang: 'en',
  },
  { pattern: '(?:package|parcel)s? (?:waiting|pending) (?:for )?(?:delivery|you|confirmation)', strength: 0.4, lang: 'en' },
  {
    pattern:
      '(?:encomenda|pedido|objeto|pacote|remessa) (?:foi |esta |encontra-se |sera )?(?:taxad[oa]|retid[oa]|bloquead[oa]|aguardando (?:pagamento|liberacao)|devolvid[oa])',
    strength: 0.6,
    lang: 'pt',
  },
  {
    pattern: '(?:taxa|tributo|imposto) (?:de importacao|alfandegari[oa]|de recolhimento|de liberacao|de despacho)',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: 'fiscalizacao (?:alfandegaria|aduaneira)', strength: 0.5, lang: 'pt' },
  { pattern: 'liberacao (?:da |de |do )?(?:sua |seu )?(?:encomenda|objeto|envio|pacote)', strength: 0.5, lang: 'pt' },
  { pattern: 'entrega (?:del |de su )?paquete (?:suspendida?|retenida?|pendiente)', strength: 0.5, lang: 'es' },
  { pattern: 'paquete (?:pendiente de (?:entrega|pago)|no (?:ha sido|pudo ser) (?:entregado|recibido))', strength: 0.5, lang: 'es' },
  {
    pattern: '(?:paquete|envio|pedido) (?:esta |ha sido |fue )?(?:retenido|en espera|pendiente de pago|bloqueado|devuelto)',
    strength: 0.5,
    lang: 'es',
  },
  { pattern: '(?:tasa|tarifa|gastos|arancel) (?:de )?(?:aduana|envio|importacion|reenvio)', strength: 0.5, lang: 'es' },
  { pattern: '(?:colis|livraison) (?:est |a ete )?(?:en attente|suspendue?|retenue?|bloquee?)', strength: 0.5, lang: 'fr' },
  {
    pattern:
      "(?:frais de (?:livraison|douane|reexpedition|port) (?:impayes|a regler|en attente)|nouvelle date de livraison|confirmez l'adresse de livraison)",
    strength: 0.5,
    lang: 'fr',
  },
  {
    pattern: '(?:paket|sendung|lieferung) (?:befindet sich )?(?:in der warteschleife|wird zuruckgehalten|angehalten|wartet auf)',
    strength: 0.5,
    lang: 'de',
  },
  { pattern: '(?:zollgebuhr|versandgebuhr|zustellgebuhr|zollgebuhren)', strength: 0.4, lang: 'de' },
];
