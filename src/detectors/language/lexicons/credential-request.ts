import type { Phrase } from '../lexicon.ts';

/**
 * Requests for passwords, logins or account verification, and the pretexts that lead to them
 * (full mailbox, expiring password, unusual sign-in, a document that needs a login).
 * Written against normalised text: lower case, no accents.
 */
export const CREDENTIAL_REQUEST_PHRASES: readonly Phrase[] = [
  // English
  {
    pattern:
      '(?:verify|confirm|validate|re-?confirm|re-?validate|update|authenticate) (?:your|the) (?:e-?mail |web ?mail |mailbox |wallet )?(?:account|mailbox|login|password|credentials|account information|account details|wallet)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: '(?:verify|confirm|validate) (?:your|the) (?:identity|e-?mail ownership|ownership)', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:verify|confirm|validate|update) your (?:payment|billing|card) (?:information|details|method|info)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:verify|confirm|validate) your (?:e-?mail address|email)', strength: 0.2, lang: 'en' },
  {
    pattern:
      '(?:your )?(?:mailbox|mail ?box|inbox|e-?mail (?:account|box)) (?:is|has) (?:almost |nearly )?(?:full|over (?:its |the )?quota|exceeded)',
    strength: 0.8,
    lang: 'en',
  },
  {
    pattern: '(?:mailbox|e-?mail|storage) (?:quota|storage|size) (?:limit )?(?:has been |is )?(?:exceeded|reached|full)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:exceeded|reached) (?:the|your) (?:mailbox|storage|e-?mail|quota) (?:quota|limit|storage)', strength: 0.7, lang: 'en' },
  { pattern: '(?:upgrade|increase|expand) (?:your )?(?:mailbox|e-?mail) (?:quota|storage|capacity|size)', strength: 0.6, lang: 'en' },
  { pattern: 'your (?:account )?password (?:will expire|expires|is expiring|has expired|expired)', strength: 0.8, lang: 'en' },
  { pattern: 'password (?:expires|expiration|expiry) (?:today|soon|notice|notification|in \\d+)', strength: 0.7, lang: 'en' },
  { pattern: 'keep (?:using )?(?:your |the )?(?:same|current|existing|old) password', strength: 0.9, lang: 'en' },
  {
    pattern:
      '(?:sign|[li]og) ?in (?:to|with your (?:e-?mail|credentials|account)) (?:to )?(?:view|access|download|read|open|review|see) (?:the |your |this |shared )?(?:document|file|message|invoice|pdf|fax|voicemail|attachment|payment)',
    strength: 0.8,
    lang: 'en',
  },
  {
    pattern: '(?:unusual|suspicious|unrecogni[sz]ed|unauthori[sz]ed) (?:sign[- ]?in|[li]og[- ]?in|access)(?: attempt| activity)?',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: 'someone (?:tried to|has tried to|attempted to) (?:[li]og|sign) ?in', strength: 0.5, lang: 'en' },
  { pattern: 're-?activate (?:your )?(?:account|mailbox|e-?mail|access|wallet)', strength: 0.7, lang: 'en' },
  {
    pattern:
      '(?:enter|provide|submit|confirm|type) (?:your )?(?:password|credentials|login details|login information|pin code|social security number|card details|card number|cvv)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern:
      '(?:\\d+ )?(?:pending|undelivered|held|blocked|suspended|incoming) (?:incoming )?(?:e-?mails|messages) (?:on hold|in (?:your )?(?:queue|server|quarantine))',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:release|recover|retrieve) (?:your )?(?:pending |held |undelivered |blocked )?(?:e-?mails|messages)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:enter|import|validate|verify|synchroni[sz]e|sync|restore) (?:your )?(?:wallet|recovery|seed|secret|mnemonic) (?:phrase|words|key)',
    strength: 0.9,
    lang: 'en',
  },
  { pattern: '(?:verify|validate|connect|synchroni[sz]e|sync|secure) your (?:[a-z0-9]+ )?(?:crypto )?wallet', strength: 0.6, lang: 'en' },
  { pattern: 'verify (?:that )?you own (?:the|this|your) (?:account|e-?mail|mailbox|address)', strength: 0.6, lang: 'en' },
  {
    pattern:
      '(?:sign|[li]og) ?in to your (?:account|personal cabinet|wallet|dashboard) (?:now|immediately|to (?:see|view|claim|confirm|restore))',
    strength: 0.3,
    lang: 'en',
  },
  { pattern: '(?:kyc|know your customer) (?:verification|update|is unverified|unverified)', strength: 0.5, lang: 'en' },
  { pattern: 'your account (?:kyc|verification) (?:is )?(?:incomplete|pending|unverified|required)', strength: 0.5, lang: 'en' },
  // Portuguese
  {
    pattern:
      '(?:atualize|atualizar|confirme|confirmar|verifique|verificar|valide|validar|regularize|regularizar|recadastre|recadastrar) (?:os |o |a )?(?:seus?|sua|suas) (?:dados|cadastro|conta|senha|informacoes|acesso|identidade)',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: '(?:sua )?senha (?:expira|ira expirar|vai expirar|expirou|vence)', strength: 0.8, lang: 'pt' },
  { pattern: 'caixa (?:de )?(?:correio|entrada|e-?mail) (?:esta )?(?:cheia|lotada)', strength: 0.8, lang: 'pt' },
  {
    pattern: '(?:acesso|login|atividade) (?:incomum|suspeit[oa]|indevid[oa]|nao autorizad[oa]|nao reconhecid[oa])',
    strength: 0.5,
    lang: 'pt',
  },
  { pattern: 'chave de seguranca (?:expira|expirando|vencida|expirada|bloqueada|desatualizada)', strength: 0.7, lang: 'pt' },
  {
    pattern: '(?:itoken|token de seguranca|modulo de seguranca) (?:expira|expirado|vencido|desatualizado|bloqueado|pendente)',
    strength: 0.7,
    lang: 'pt',
  },
  { pattern: '(?:reative|reativar|reativacao d[ae]) (?:sua |seu |a |o )?(?:conta|acesso|cartao|cadastro)', strength: 0.6, lang: 'pt' },
  { pattern: '(?:transacao|compra|movimentacao) (?:suspeita|nao reconhecida)', strength: 0.4, lang: 'pt' },
  {
    pattern: '(?:entre|acesse|informe|digite|confirme) (?:com )?(?:o )?seu (?:e-?mail|cpf|usuario|login) e (?:a )?(?:sua )?senha',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: 'houve um acesso (?:a|na|em) sua conta', strength: 0.5, lang: 'pt' },
  {
    pattern: '(?:nao fui eu|nao reconheco (?:esta|este|essa|esse) (?:transferencia|acesso|compra|transacao|pix))',
    strength: 0.4,
    lang: 'pt',
  },
  // Spanish
  {
    pattern:
      '(?:verifique|verificar|verifica|confirme|confirmar|confirma|actualice|actualizar|actualiza|valide|validar|valida) (?:su|tu|sus|tus) (?:cuenta|contrasena|datos|informacion|identidad|credenciales|acceso)',
    strength: 0.6,
    lang: 'es',
  },
  { pattern: '(?:su|tu) contrasena (?:expira|caduca|vence|ha expirado|ha caducado|expirara|caducara)', strength: 0.8, lang: 'es' },
  { pattern: '(?:su|tu) buzon (?:de correo )?(?:esta lleno|ha excedido|ha alcanzado)', strength: 0.8, lang: 'es' },
  {
    pattern: '(?:inicio de sesion|acceso|actividad) (?:inusual|sospechos[oa]|no autorizad[oa]|no reconocid[oa])',
    strength: 0.5,
    lang: 'es',
  },
  { pattern: '(?:reactivar|reactive|reactiva) (?:su|tu) (?:cuenta|acceso|tarjeta)', strength: 0.6, lang: 'es' },
  // French
  {
    pattern:
      '(?:verifiez|confirmez|mettez a jour|validez|verifier|confirmer|valider) (?:votre|vos) (?:compte|mot de passe|identite|informations|donnees|coordonnees|acces)',
    strength: 0.6,
    lang: 'fr',
  },
  { pattern: 'votre mot de passe (?:expire|a expire|va expirer|expirera)', strength: 0.8, lang: 'fr' },
  { pattern: 'votre boite (?:aux lettres|mail|e-?mail|de reception) est (?:pleine|saturee)', strength: 0.8, lang: 'fr' },
  { pattern: '(?:connexion|activite|acces) (?:inhabituelle?|suspecte?|non autorisee?)', strength: 0.5, lang: 'fr' },
  // German
  {
    pattern:
      '(?:bestatigen|verifizieren|aktualisieren|uberprufen|validieren) sie (?:bitte )?(?:ihr|ihre|ihren) (?:konto|kontos|daten|identitat|passwort|zugangsdaten|angaben|e-?mail-?konto)',
    strength: 0.6,
    lang: 'de',
  },
  { pattern: 'ihr passwort (?:lauft|wird) (?:heute |bald )?(?:ab|ablaufen)', strength: 0.8, lang: 'de' },
  { pattern: '(?:ihr )?(?:postfach|e-?mail-?postfach) (?:ist )?(?:voll|uberfullt)', strength: 0.7, lang: 'de' },
  { pattern: '(?:der )?(?:gesamte )?speicher(?:platz)? ist (?:voll|belegt)', strength: 0.5, lang: 'de' },
  { pattern: '(?:ungewohnliche|verdachtige) (?:anmeldung|anmeldeaktivitat|aktivitat|anmeldeversuch)', strength: 0.5, lang: 'de' },
  // Italian
  {
    pattern: '(?:verifica|conferma|aggiorna) (?:il tuo|i tuoi|la tua|le tue) (?:account|dati|password|identita|credenziali)',
    strength: 0.6,
    lang: 'it',
  },
  { pattern: 'la tua (?:casella|password) (?:e piena|sta per scadere|scade|e scaduta)', strength: 0.8, lang: 'it' },
];
