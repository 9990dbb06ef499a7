import type { Phrase } from '../lexicon.ts';

/**
 * Pressure and threats: something will be lost, locked or prosecuted unless the reader acts
 * now. Generic deadline words ("today", "soon") are left out: marketing uses them all day.
 */
export const URGENCY_THREAT_PHRASES: readonly Phrase[] = [
  // English
  {
    pattern:
      '(?:account|mailbox|access|wallet|card|profile|e-?mail|service) (?:has been|will be|is being|is|was|have been|may be) (?:temporarily |permanently |automatically )?(?:suspended|locked|closed|disabled|deactivated|terminated|blocked|restricted|limited|frozen|deleted|put on hold|on hold)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern:
      '(?:suspend|suspension of|lock|closure of|close|deactivate|deactivation of|terminate|termination of|delete|deletion of|block|restrict) your (?:account|mailbox|e-?mail account|wallet|access)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: 'within (?:the next )?(?:24|48|72|12|twenty[- ]four|forty[- ]eight) ?(?:hours|hrs|h)', strength: 0.25, lang: 'en' },
  { pattern: 'final (?:notice|warning|notification|demand)', strength: 0.5, lang: 'en' },
  { pattern: 'last (?:warning|notice)', strength: 0.4, lang: 'en' },
  { pattern: '(?:legal action|legal proceedings|court action)', strength: 0.2, lang: 'en' },
  { pattern: '(?:arrest warrant|warrant for your arrest|(?:face|take) legal action against you)', strength: 0.5, lang: 'en' },
  {
    pattern:
      '(?:will|may|could) (?:result in|lead to) (?:the )?(?:permanent |immediate )?(?:suspension|termination|closure|deletion|deactivation|legal action|loss of)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: 'failure to (?:comply|respond|verify|confirm|update|validate|do so|act|pay)', strength: 0.6, lang: 'en' },
  { pattern: '(?:immediate|urgent) (?:action|attention|response) (?:is )?(?:required|needed)', strength: 0.5, lang: 'en' },
  {
    pattern:
      'to avoid (?:the )?(?:suspension|termination|deactivation|closure|deletion|losing|permanent|interruption|service interruption|your account)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:permanently )?(?:lose|loss of) (?:access|all (?:your )?(?:data|files|photos|e-?mails|messages|funds))',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: 'all (?:of )?(?:your )?(?:photos|files|data|e-?mails|messages|videos) will be (?:deleted|lost|removed|erased)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:expires?|expiring|will expire|will be deleted|will be closed) (?:today|tonight|in (?:\\d+|one|two|three) hours)',
    strength: 0.25,
    lang: 'en',
  },
  { pattern: 'urgent(?:ly)? (?:response|reply|attention|payment|matter|assistance|notice)', strength: 0.3, lang: 'en' },
  { pattern: 'treat (?:this|it) as (?:a )?matter of urgency', strength: 0.5, lang: 'en' },
  // Portuguese
  {
    pattern:
      '(?:conta|cartao|acesso|cadastro|chave|senha|cpf|cnh|beneficio|linha) (?:foi|sera|esta|sera|podera ser|pode ser) (?:temporariamente |permanentemente |definitivamente )?(?:bloquead[oa]|suspens[oa]|cancelad[oa]|desativad[oa]|encerrad[oa]|restrit[oa]|inativad[oa])',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: '(?:em|dentro de|nas proximas|no prazo de|em ate|prazo:?) (?:24|48|72|12) ?(?:horas|hs|h)', strength: 0.25, lang: 'pt' },
  { pattern: '(?:saldo|conta|cartao|acesso|chave pix|cpf) (?:bloquead[oa]|suspens[oa]|inativ[oa])', strength: 0.4, lang: 'pt' },
  { pattern: '(?:ultimo aviso|ultima notificacao|notificacao final|aviso final)', strength: 0.5, lang: 'pt' },
  { pattern: '(?:acao|medidas?|processo|procedimentos?) (?:judicia(?:l|is)|lega(?:l|is))', strength: 0.4, lang: 'pt' },
  { pattern: '(?:evite|evitar) (?:o |a )?(?:bloqueio|cancelamento|suspensao|encerramento|desativacao)', strength: 0.6, lang: 'pt' },
  {
    pattern:
      '(?:bloqueio|suspensao|cancelamento|encerramento) (?:definitivo|imediato|automatico|d[ao] (?:sua|seu) (?:conta|cartao|acesso|cpf))',
    strength: 0.5,
    lang: 'pt',
  },
  { pattern: '(?:expira|expirando|expirara|vence|vencendo) (?:hoje|amanha|em breve|em \\d+ (?:horas|dias))', strength: 0.25, lang: 'pt' },
  // Spanish
  {
    pattern:
      '(?:cuenta|tarjeta|acceso|servicio) (?:ha sido|sera|esta|fue|podria ser) (?:temporalmente |permanentemente |definitivamente )?(?:bloquead[oa]|suspendid[oa]|cancelad[oa]|desactivad[oa]|restringid[oa]|cerrad[oa]|eliminad[oa])',
    strength: 0.6,
    lang: 'es',
  },
  { pattern: '(?:en|dentro de) (?:las proximas )?(?:24|48|72) ?(?:horas|hs|h)', strength: 0.25, lang: 'es' },
  { pattern: '(?:ultimo aviso|ultima notificacion|aviso final)', strength: 0.5, lang: 'es' },
  { pattern: '(?:acciones legales|accion legal|acciones judiciales|proceso judicial)', strength: 0.4, lang: 'es' },
  { pattern: '(?:evitar|evite) (?:el |la )?(?:bloqueo|suspension|cancelacion|cierre|desactivacion)', strength: 0.6, lang: 'es' },
  // French
  {
    pattern:
      '(?:compte|carte|acces|abonnement) (?:a ete|sera|est|va etre) (?:temporairement |definitivement )?(?:bloquee?|suspendue?|desactivee?|fermee?|restreinte?|supprimee?|resilie)',
    strength: 0.6,
    lang: 'fr',
  },
  { pattern: 'dans les (?:24|48|72) ?(?:heures|h)', strength: 0.25, lang: 'fr' },
  { pattern: '(?:dernier avis|dernier rappel|dernier avertissement|avis final)', strength: 0.5, lang: 'fr' },
  { pattern: 'poursuites? judiciaires?', strength: 0.5, lang: 'fr' },
  // German
  {
    pattern:
      '(?:konto|karte|zugang|postfach) (?:wurde|wird|ist) (?:vorubergehend |dauerhaft )?(?:gesperrt|deaktiviert|eingeschrankt|geschlossen|blockiert|geloscht)',
    strength: 0.6,
    lang: 'de',
  },
  { pattern: 'innerhalb (?:von |der nachsten )?(?:24|48|72) stunden', strength: 0.25, lang: 'de' },
  { pattern: '(?:letzte mahnung|letzte warnung|letzte aufforderung)', strength: 0.5, lang: 'de' },
  { pattern: '(?:rechtliche (?:schritte|konsequenzen)|gerichtliche(?:s)? (?:schritte|verfahren))', strength: 0.5, lang: 'de' },
  // Italian
  {
    pattern: '(?:account|carta|conto) (?:e stato|sara|verra) (?:temporaneamente )?(?:sospeso|bloccato|disattivato|chiuso)',
    strength: 0.6,
    lang: 'it',
  },
  { pattern: 'entro (?:le prossime )?(?:24|48|72) ore', strength: 0.25, lang: 'it' },
];
