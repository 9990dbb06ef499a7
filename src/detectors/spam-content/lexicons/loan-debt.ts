import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Loan, debt-relief and credit-repair offers: "loans from $10,000 at 3% interest", "approved
 * even with bad credit", "fix your credit score", debt consolidation. Bank statements and
 * finance news name loans and rates, so phrases carry the offer and its too-easy terms.
 */
export const LOAN_DEBT_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern: '(?:do you need|need|looking for|in need of|apply for) (?:a |an )?(?:urgent |quick |fast |personal |business )?loan',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      '(?:we (?:offer|give|grant|provide)|offering|providing) (?:all kinds of |any kind of )?(?:loans|financing|funding) (?:to|at|for|from|ranging)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: 'loans? (?:offer |offers |offerings )?(?:range |ranging )?(?:from|of|at) (?:\\$|usd|us\\$|eur|€|£)? ?[\\d,.]+',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:interest rate of|at an interest rate of|at a rate of|@) \\d+(?:[.,]\\d+)? ?% (?:rates?|interest|per annum|annually)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      '(?:bad|poor|low|no) credit (?:score )?(?:ok|okay|accepted|welcome|approved|is fine|no problem)|(?:even|also) (?:with|to) (?:bad credit|blacklisted)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: '(?:no credit check|guaranteed (?:loan )?approval|pre-?approved (?:for|loan))', strength: 0.5, lang: 'en' },
  { pattern: '(?:fix|repair|boost|raise) your credit(?: score)?(?: now| fast| today)?', strength: 0.4, lang: 'en' },
  {
    pattern:
      '(?:debt (?:relief|consolidation|settlement|review|free)|consolidate your debts?|eliminate your debts?|credit card debt relief)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:denied a credit card|low credit score|credit (?:score|analysis) (?:for )?free|free credit (?:analysis|report|score))',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:loan application (?:adviser|officer|form)|loan (?:lender|company|firm)|private (?:lender|loan lender))',
    strength: 0.35,
    lang: 'en',
  },
  {
    pattern:
      "(?:lower your (?:monthly )?mortgage (?:rate|payments?)|refinance (?:now|today|while rates are low)|lenders (?:will )?compete for your|mortgage quotes|guaranteed best mortgage rate|even if you've refi'?d|no lender'?s? fees)",
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:rates|interest rates) (?:hit|are at|at) (?:a )?\\d+ ?(?:-? ?year|yr\\.?) lows?', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:the government grants? you|free (?:government )?grant money|cash grants? (?:for|you never have to repay))',
    strength: 0.5,
    lang: 'en',
  },
  // Portuguese
  { pattern: '(?:oferta de|precisa de um|conceder|concedemos|oferecemos) emprestimos?', strength: 0.5, lang: 'pt' },
  {
    pattern: '(?:credito|emprestimo) (?:pre-aprovado|aprovado na hora|para negativados|sem consulta (?:ao )?(?:spc|serasa))',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: '(?:limpe seu nome|quite suas dividas|renegocie suas dividas|nome (?:sujo|negativado))', strength: 0.5, lang: 'pt' },
  { pattern: 'taxa de juros de \\d+(?:[.,]\\d+)? ?%', strength: 0.25, lang: 'pt' },
  // Spanish
  { pattern: '(?:oferta de|necesita un|necesitas un|ofrecemos) prestamos?', strength: 0.5, lang: 'es' },
  { pattern: '(?:prestamo|credito) (?:preaprobado|sin aval|rapido sin papeleo|con asnef|sin buro)', strength: 0.6, lang: 'es' },
  { pattern: '(?:elimina|cancela|reduce) tus deudas', strength: 0.5, lang: 'es' },
  // French
  {
    pattern: "(?:offre de|besoin d'un|nous accordons des|nous offrons des) (?:pret|prets|credit)(?: d'argent| entre particuliers| rapide)?",
    strength: 0.5,
    lang: 'fr',
  },
  { pattern: '(?:rachat de credits?|pret entre particuliers|credit sans justificatif)', strength: 0.5, lang: 'fr' },
  // German
  { pattern: '(?:kredit|darlehen) (?:ohne schufa|trotz schufa|sofort ausgezahlt|zu \\d+(?:,\\d+)? ?% zinsen)', strength: 0.6, lang: 'de' },
  { pattern: '(?:wir bieten|bieten wir|benotigen sie) (?:einen |ein )?(?:kredit|darlehen|privatkredit)', strength: 0.5, lang: 'de' },
  // Dutch
  { pattern: '(?:lening|krediet) (?:zonder bkr|aanvragen zonder|tegen \\d+ ?% rente)', strength: 0.6, lang: 'nl' },
];
