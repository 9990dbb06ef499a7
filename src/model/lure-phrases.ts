/**
 * Building blocks of the lure messages the generator writes, per kind of lure and language.
 * All text here is the project's own, written to read like the lures organisations receive:
 * a pretext, a request, pressure, and a way to act. Slots in braces are filled at random.
 */

export type LureKind =
  | 'credential'
  | 'mailbox'
  | 'invoice'
  | 'delivery'
  | 'gift-card'
  | 'wire'
  | 'bank-change'
  | 'mfa'
  | 'password-expiry'
  | 'document-share'
  | 'payroll'
  | 'prize'
  | 'account-locked'
  | 'voicemail'
  | 'tax-refund'
  | 'crypto';

export interface LurePhrases {
  subjects: string[];
  openings: string[];
  pretexts: string[];
  requests: string[];
  pressure: string[];
  actions: string[];
}

export type Language = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'it' | 'pt';

export const GREETINGS: Record<Language, string[]> = {
  en: [
    'Dear {recipient},',
    'Hello {recipient},',
    'Hi {first},',
    'Dear customer,',
    'Dear user,',
    'Attention {email},',
    'Good morning,',
    '{first},',
    'Dear valued member,',
  ],
  de: ['Sehr geehrte Kundin, sehr geehrter Kunde,', 'Hallo {first},', 'Guten Tag {recipient},', 'Lieber Nutzer,'],
  fr: ['Cher client,', 'Bonjour {first},', 'Madame, Monsieur,', 'Cher utilisateur,'],
  es: ['Estimado cliente,', 'Hola {first},', 'Estimado/a {recipient},', 'Buenos días,'],
  nl: ['Beste klant,', 'Hallo {first},', 'Geachte {recipient},', 'Beste gebruiker,'],
  it: ['Gentile cliente,', 'Ciao {first},', 'Gentile {recipient},', 'Buongiorno,'],
  pt: ['Prezado cliente,', 'Olá {first},', 'Caro(a) {recipient},', 'Bom dia,'],
};

export const SIGN_OFFS: Record<Language, string[]> = {
  en: [
    'Regards,\n{brand} Support',
    'Thank you,\nThe {brand} Team',
    'Sincerely,\n{brand} Security Department',
    'Best regards,\n{sender}',
    'Thanks,\n{sender}',
    'IT Service Desk',
    '{brand} Customer Care',
    'Sent from my iPhone',
  ],
  de: ['Mit freundlichen Grüßen\nIhr {brand} Team', 'Viele Grüße\n{sender}', '{brand} Kundenservice'],
  fr: ['Cordialement,\nL’équipe {brand}', 'Bien à vous,\n{sender}', 'Service client {brand}'],
  es: ['Atentamente,\nEl equipo de {brand}', 'Saludos,\n{sender}', 'Servicio al cliente de {brand}'],
  nl: ['Met vriendelijke groet,\nHet {brand} team', 'Groeten,\n{sender}', '{brand} Klantenservice'],
  it: ['Cordiali saluti,\nIl team {brand}', 'Saluti,\n{sender}', 'Assistenza clienti {brand}'],
  pt: ['Atenciosamente,\nEquipe {brand}', 'Abraços,\n{sender}', 'Atendimento ao cliente {brand}'],
};

export const FOOTERS: string[] = [
  '© {year} {brand}. All rights reserved.',
  'This is an automated message, please do not reply.',
  'You are receiving this email because you have an account with {brand}.',
  'Privacy | Terms | Unsubscribe',
  '{brand} Inc., {street}',
  'Message ID: {ref}',
  '',
  '',
];
