import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Fake expiry notices: a streaming or antivirus membership "has expired", points "expire on
 * 12/02", storage is full and files "will be deleted", with a free extension one click away.
 * Real services send renewal reminders too, so the phrases pair the expiry with the too-good
 * remedy (free extension, points to redeem, extra gigabytes) or the scare (device unprotected).
 */
export const EXPIRY_LURE_PHRASES: readonly SpamPhrase[] = [
  // English
  { pattern: '(?:your )?(?:membership|subscription) (?:has|have|had) (?:expired|ended|been cancell?ed)', strength: 0.35, lang: 'en' },
  {
    pattern:
      '(?:antivirus|security|protection|norton|mcafee|total ?av|netflix|hulu|peacock(?: tv)?|sirius ?xm|disney\\+?|prime|icloud|cloud storage) (?:subscription|membership|plan|protection) (?:has |have )?(?:expired|ends? today|expires? today|is expiring)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:free extension|extend your (?:membership|subscription) for free|reactivate (?:now )?for (?:free|exclusive benefits)|(?:free|extra) (?:storage|months?) (?:as a|for (?:loyal|valued)))',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:your )?(?:device|computer|pc) (?:has been infected|is (?:at risk|unprotected|infected))', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:storage (?:is )?(?:full|almost full)|(?:photos|files) will be (?:deleted|removed) (?:from|in|unless))',
    strength: 0.3,
    lang: 'en',
  },
  {
    pattern:
      '(?:points|rewards?|miles|balance) (?:will )?(?:expire|expiring) (?:soon|today|on \\d|in \\d)|expiring soon:? (?:your|hurry|rewards?)',
    strength: 0.4,
    lang: 'en',
  },
  // Portuguese
  { pattern: 'pontos (?:\\S+ )?(?:expiram|vencem|irao vencer)', strength: 0.5, lang: 'pt' },
  { pattern: '\\d+\\.\\d{3} mil pontos', strength: 0.4, lang: 'pt' },
  {
    pattern: '(?:troque|trocar) (?:seus )?pontos por|(?:voce possui|voce tem|voce ganhou) (?:[\\d.]+ )?(?:mil )?pontos',
    strength: 0.3,
    lang: 'pt',
  },
  {
    pattern: '(?:saldo|resgate|beneficio) (?:disponivel |pendente )?(?:expirando|prestes a expirar|com vencimento)',
    strength: 0.5,
    lang: 'pt',
  },
  { pattern: '(?:assinatura|plano) (?:\\S+ )?(?:expirou|expirada|vencida|foi cancelada)', strength: 0.35, lang: 'pt' },
  // Spanish
  { pattern: '(?:cuenta|suscripcion|membresia) (?:de \\S+ )?(?:ha expirado|ha caducado|ha vencido)', strength: 0.35, lang: 'es' },
  { pattern: '(?:renovar su suscripcion|puntos (?:caducan|expiran|vencen))', strength: 0.35, lang: 'es' },
  // German
  {
    pattern: '(?:abonnement|abo|mitgliedschaft) (?:\\S+ )?(?:ist (?:moglicherweise )?abgelaufen|lauft heute ab|endet heute)',
    strength: 0.45,
    lang: 'de',
  },
  {
    pattern:
      '(?:erneuern sie (?:ihr|ihre) (?:\\S+ )?(?:abonnement|mitgliedschaft)|(?:gesamter )?speicher (?:ist )?(?:voll|belegt)|punkte verfallen)',
    strength: 0.4,
    lang: 'de',
  },
  // French
  {
    pattern: '(?:abonnement|adhesion) (?:a )?(?:expire|a expire|a pris fin|arrive a expiration)|vos points (?:expirent|vont expirer)',
    strength: 0.4,
    lang: 'fr',
  },
  // Dutch
  { pattern: '(?:abonnement|lidmaatschap) (?:is )?(?:verlopen|verloopt vandaag)|punten (?:vervallen|verlopen)', strength: 0.4, lang: 'nl' },
];
