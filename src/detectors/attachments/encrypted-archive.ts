/**
 * Password-protected archives: no gateway can look inside, which is why loaders are sent this
 * way with the password written in the mail body. Zip members with the encryption flag, and
 * 7z/RAR archives whose contents or file lists are protected, count.
 *
 * Example threat: "Please find the invoice attached, password: 4471" with `Invoice.zip`
 * holding an encrypted `Invoice.exe`.
 *
 * Known false positives: organisations that protect confidential files this way (HR, legal,
 * and the Japanese "PPAP" habit of a zip plus a password mail), which is why the archive alone
 * weighs little; mentioning the password in the same mail raises it.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, fileEvidence } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_ENCRYPTED_ARCHIVE',
    group: 'attachments',
    weight: 3,
    indicates: 'malware',
    description: 'A password-protected archive is attached, so its contents cannot be scanned.',
  },
  {
    id: 'ATT_ENCRYPTED_ARCHIVE_PASSWORD_IN_BODY',
    group: 'attachments',
    weight: 6,
    indicates: 'malware',
    description: 'A password-protected archive is attached and the message itself gives or mentions the password.',
  },
] as const satisfies readonly SignalDefinition[];

const PASSWORD_WORD =
  /\b(password|passwort|passcode|pass code|pwd|kennwort|mot de passe|contrase(ñ|n)a|senha|wachtwoord|has(ł|l)o|parola|heslo|l(ö|o)senord|salasana|adgangskode)\b|пароль|パスワード|密码|密碼|비밀번호/i;

export const encryptedArchiveDetector: Detector = {
  id: 'attachments.encrypted-archive',
  stage: 'analyze',
  signals,
  run(ctx) {
    const archives = new Set<string>();
    for (const attachment of allAttachments(ctx)) {
      if (!attachment.encrypted) continue;
      // A member's path ends in its own name: the archive is what comes before it.
      archives.add(
        attachment.depth > 0
          ? attachment.path.slice(0, attachment.path.lastIndexOf(`/${attachment.filename}`)) || attachment.path
          : attachment.path,
      );
    }
    if (archives.size === 0) return [];
    const evidence = [...archives].slice(0, 5).map((path) => fileEvidence(path));
    const { subject, text } = ctx.message;
    const mention = PASSWORD_WORD.exec(`${subject}\n${text.slice(0, 100_000)}`);
    const hits: SignalHit[] = mention
      ? [{ id: 'ATT_ENCRYPTED_ARCHIVE_PASSWORD_IN_BODY', evidence: [...evidence, fileEvidence(`body mentions "${mention[0]}"`)] }]
      : [{ id: 'ATT_ENCRYPTED_ARCHIVE', evidence }];
    return hits;
  },
};
