/**
 * Phrases that address an AI assistant or agent reading the mailbox rather than the human
 * recipient. Data, not logic: `instruction-matcher.ts` compiles them once.
 *
 * Patterns are regular-expression sources matched against lower-cased text whose whitespace
 * has been collapsed to single spaces. `strong` phrases are rarely written to a
 * person at all ("ignore all previous instructions"); `weak` ones are ordinary in human mail
 * ("send an email to", "visit this link") and only count next to a strong one or inside
 * hidden text. Keep them specific: every phrase here is checked against legitimate mail.
 */

export type InstructionCategory =
  /** Tries to cancel the assistant's own instructions. */
  | 'override'
  /** Tries to give the assistant a new identity or mode. */
  | 'role'
  /** Speaks to the assistant directly, or about its prompt. */
  | 'addressed'
  /** Chat-template markup that fakes a system or user turn. */
  | 'markup'
  /** Asks the assistant to use a tool: browse, send, forward, search. */
  | 'tool'
  /** Asks the assistant to keep something from the user. */
  | 'secrecy'
  /** Asks the assistant to put data into a URL or link. */
  | 'exfiltration';

export interface InstructionPhrase {
  id: string;
  category: InstructionCategory;
  strength: 'strong' | 'weak';
  /** ISO 639-1 code of the phrase's language. */
  language: string;
  /**
   * Lower-case substrings of which at least one must occur for the pattern to be tried: a cheap
   * gate, since most mail contains none of them and the regular expressions cost more.
   */
  requires: readonly string[];
  pattern: string;
}

const PREVIOUS = '(?:previous|prior|above|earlier|preceding|former|original|foregoing|system)';
const RULES = '(?:instructions?|prompts?|directions?|directives?|rules|guidelines|context|commands?)';
/** Names for the model itself. Not "agent", "bot" or "assistant" alone: travel agents and assistant managers get mail too. */
const MODEL = String.raw`(?:ai|a\.i\.|llm|large language model|language model|ai model|ai assistant|email assistant|ai agent|chatbot|copilot|chatgpt|gpt)`;
const MAIL = '(?:e-?mails?|messages?|mails?|threads?|conversations?|documents?|page|text|content)';
/** "The user" is how prompts name the person an assistant works for; people say "you". */
const USER = '(?:the|this|your) (?:user|human|mailbox owner)';

export const INSTRUCTION_PHRASES: readonly InstructionPhrase[] = [
  // Overrides: the signature of a prompt injection. "Please disregard the previous instructions"
  // is also something a person writes after a correction, so the forms with "the/my/these" are weak;
  // the bare, sweeping and "your" forms are how prompts are written.
  {
    id: 'ignore-previous-instructions',
    category: 'override',
    strength: 'strong',
    language: 'en',
    requires: ['instruction', 'prompt', 'direction', 'directive', 'rule', 'guideline', 'context', 'command'],
    pattern: String.raw`\b(?:ignore|disregard|forget|override|bypass) (?:(?:all|any|every)(?: of)?(?: the| your| my| these| those)? |your )?(?:${PREVIOUS} )+(?:and \w+ )?${RULES}|\b(?:ignore|disregard|forget|override) (?:the |your )?(?:${PREVIOUS} )+(?:system )?prompts?\b`,
  },
  {
    id: 'disregard-the-previous',
    category: 'override',
    strength: 'weak',
    language: 'en',
    requires: ['instruction', 'direction', 'directive', 'rule', 'guideline', 'command'],
    pattern: String.raw`\b(?:ignore|disregard|forget|skip|override|bypass|drop) (?:the|these|those|my) (?:${PREVIOUS} )+${RULES}`,
  },
  {
    id: 'ignore-your-programming',
    category: 'override',
    strength: 'strong',
    language: 'en',
    requires: ['programming', 'system prompt', 'guardrail', 'safety'],
    pattern: String.raw`\b(?:ignore|disregard|forget|override|bypass) (?:all )?(?:of )?your (?:programming|system prompt|guardrails|safety (?:rules|guidelines))`,
  },
  {
    id: 'forget-everything',
    category: 'override',
    strength: 'strong',
    language: 'en',
    requires: ['forget'],
    pattern: String.raw`\bforget (?:everything|all) (?:you (?:were|have been) (?:told|instructed)|above|before this)`,
  },
  {
    id: 'new-instructions',
    category: 'override',
    strength: 'strong',
    language: 'en',
    requires: ['new instructions', 'new system', 'updated system'],
    pattern: String.raw`\byour new (?:system )?instructions (?:are|follow)\b|\bnew instructions follow\b|\b(?:new|updated) system (?:prompt|instructions)\b`,
  },
  {
    id: 'ignore-previous-de',
    category: 'override',
    strength: 'strong',
    language: 'de',
    requires: ['anweisung', 'instruktion', 'befehl'],
    pattern: String.raw`\b(?:ignoriere|ignorieren sie|vergiss|vergessen sie) (?:alle )?(?:vorherigen|bisherigen|vorigen|obigen) (?:anweisungen|instruktionen|befehle)`,
  },
  {
    id: 'ignore-previous-fr',
    category: 'override',
    strength: 'strong',
    language: 'fr',
    requires: ['instruction', 'consigne'],
    pattern: String.raw`\b(?:ignore|ignorez|oublie|oubliez) (?:toutes )?(?:les|vos) (?:instructions|consignes) (?:précédentes|antérieures)`,
  },
  {
    id: 'ignore-previous-es',
    category: 'override',
    strength: 'strong',
    language: 'es',
    requires: ['instrucci'],
    pattern: String.raw`\b(?:ignora|ignore|olvida|olvide) (?:todas )?las instrucciones (?:anteriores|previas)`,
  },
  {
    id: 'ignore-previous-it',
    category: 'override',
    strength: 'strong',
    language: 'it',
    requires: ['istruzion'],
    pattern: String.raw`\b(?:ignora|ignorate|dimentica) (?:tutte )?le istruzioni (?:precedenti|previe)`,
  },
  {
    id: 'ignore-previous-pt',
    category: 'override',
    strength: 'strong',
    language: 'pt',
    requires: ['instruç'],
    pattern: String.raw`\b(?:ignore|ignora|esqueça) (?:todas )?as instruções (?:anteriores|prévias)`,
  },
  {
    id: 'ignore-previous-nl',
    category: 'override',
    strength: 'strong',
    language: 'nl',
    requires: ['instructie', 'opdracht'],
    pattern: String.raw`\b(?:negeer|vergeet) (?:alle )?(?:vorige|eerdere|voorgaande) (?:instructies|opdrachten)`,
  },

  // A new identity or mode for the model.
  {
    id: 'you-are-now',
    category: 'role',
    strength: 'strong',
    language: 'en',
    requires: ['you are now'],
    pattern: String.raw`\byou are now (?:an? |in |the )?(?:unrestricted|unfiltered|jailbroken|developer mode|dan\b|uncensored|different ai|new ai|${MODEL}\b)`,
  },
  {
    id: 'jailbreak-mode',
    category: 'role',
    strength: 'strong',
    language: 'en',
    requires: ['jailbreak', 'do anything now', 'dan mode'],
    pattern: String.raw`\bjailbr(?:oken|eak) mode\b|\bdo anything now\b|\bdan mode\b`,
  },
  {
    id: 'developer-mode',
    category: 'role',
    strength: 'weak',
    language: 'en',
    requires: [' mode'],
    pattern: String.raw`\b(?:developer|debug|god) mode (?:is )?(?:enabled|activated|on)\b`,
  },
  {
    id: 'pretend-ai',
    category: 'role',
    strength: 'strong',
    language: 'en',
    requires: ['pretend', 'act as if', 'imagine'],
    pattern: String.raw`\b(?:pretend|act as if|imagine) (?:that )?you (?:are|were) (?:an? )?(?:unrestricted|unfiltered|different) (?:${MODEL}|assistant)`,
  },

  // Speaking to the assistant itself.
  {
    id: 'if-you-are-ai',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: ['if you are'],
    pattern: String.raw`\bif you are (?:an? )?(?:${MODEL}|automated (?:assistant|agent|system)|assistant (?:reading|processing|summari[sz]ing))\b`,
  },
  {
    id: 'note-to-ai',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: [' ai', 'llm', 'language model', 'assistant', 'chatbot', 'copilot', 'gpt'],
    pattern: String.raw`\b(?:attention|note|message|instructions?|important) (?:to|for) (?:the |any |all )?(?:${MODEL}|assistant)s?\b`,
  },
  {
    id: 'dear-ai',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: [' ai', 'llm', 'copilot', 'chatgpt', 'assistant'],
    pattern: String.raw`\b(?:dear|hey|hello|hi) (?:ai|llm|copilot|chatgpt|ai assistant|email assistant|assistant)\b ?[,:!]`,
  },
  {
    id: 'when-summarising',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: ['summar', 'your response'],
    pattern: String.raw`\bwhen (?:you (?:are )?)?(?:summari[sz]e|summari[sz]ing) this ${MAIL}\b|\b(?:in|include in) your (?:summary|response) (?:of this ${MAIL} )?(?:to the user|,? (?:say|state|tell|mention|include|write))`,
  },
  {
    id: 'when-processing',
    category: 'addressed',
    strength: 'weak',
    language: 'en',
    requires: ['process', 'analy', 'parsing'],
    pattern: String.raw`\bwhen (?:you (?:are )?)?(?:process|processing|analy[sz]e|analy[sz]ing|parse|parsing) this ${MAIL}\b`,
  },
  {
    id: 'ai-reading-this',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: ['reading this', 'processing this', 'summari', 'analy'],
    pattern: String.raw`\b(?:${MODEL}|assistant)s? (?:reading|processing|summari[sz]ing|analy[sz]ing) this ${MAIL}\b`,
  },
  {
    id: 'model-colon',
    category: 'addressed',
    strength: 'weak',
    language: 'en',
    requires: ['ai assistant', 'ai agent', 'email assistant', 'llm', 'copilot', 'chatgpt'],
    pattern: String.raw`\b(?:ai assistant|ai agent|email assistant|llm|copilot|chatgpt) ?:`,
  },
  {
    id: 'tell-the-user',
    category: 'addressed',
    strength: 'weak',
    language: 'en',
    requires: ['user', 'recipient', 'human', 'reader', 'mailbox owner'],
    pattern: String.raw`\b(?:tell|inform|remind|warn|instruct|advise) (?:the|this|your) (?:user|recipient|human|reader|mailbox owner) (?:that|to)\b`,
  },
  {
    id: 'as-an-ai',
    category: 'addressed',
    strength: 'weak',
    language: 'en',
    requires: ['as a'],
    pattern: String.raw`\bas an? (?:ai|artificial intelligence|large language model|language model)(?: assistant| model)?\b`,
  },
  {
    id: 'system-prompt',
    category: 'addressed',
    strength: 'weak',
    language: 'en',
    requires: ['prompt', 'instruction'],
    pattern: String.raw`\b(?:system prompt|system instructions?|hidden instructions?|initial prompt)\b`,
  },
  {
    id: 'print-prompt',
    category: 'addressed',
    strength: 'strong',
    language: 'en',
    requires: ['prompt', 'instruction'],
    pattern: String.raw`\b(?:reveal|print|output|repeat|show) (?:me )?(?:your|the) (?:system prompt|initial prompt|hidden instructions|instructions verbatim)`,
  },

  // Chat-template markup.
  {
    id: 'chat-markup',
    category: 'markup',
    strength: 'strong',
    language: 'en',
    requires: ['<|', 'inst]', 'sys>>', 'system]', 'system>', '## system'],
    pattern: String.raw`<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[/?inst\]|<</?sys>>|\[/?system\]|<\/?system>|(?:^|\s)#{2,3} system:`,
  },

  // Tool use: harmless in human mail, telling in hidden text or next to a strong phrase.
  {
    id: 'call-tool',
    category: 'tool',
    strength: 'weak',
    language: 'en',
    requires: ['tool', 'function', 'plugin', 'connector'],
    pattern: String.raw`\b(?:call|invoke|run|execute|use) (?:the|your) [\w-]{1,30} (?:tool|function|plugin|connector)\b`,
  },
  {
    id: 'browse-url',
    category: 'tool',
    strength: 'weak',
    language: 'en',
    requires: ['url', 'link', 'page', 'website', 'address'],
    pattern: String.raw`\b(?:fetch|visit|open|browse to|navigate to|load|retrieve|access) (?:this|the following|the|that) (?:url|link|web ?page|website|address)\b`,
  },
  {
    id: 'send-email',
    category: 'tool',
    strength: 'weak',
    language: 'en',
    requires: ['@'],
    pattern: String.raw`\b(?:send|compose|draft) (?:an? )?(?:e-?mail|message|reply) to [\w.+-]+@`,
  },
  {
    id: 'forward-all',
    category: 'tool',
    strength: 'weak',
    language: 'en',
    requires: ['forward'],
    pattern: String.raw`\bforward (?:all|every|each|the last \d+|any) (?:of )?(?:the |the user's |their |his |her |your |my )?(?:e-?mails?|messages?|mails?|correspondence|attachments|invoices|documents|conversations?) (?:in (?:the|this|their|your) (?:inbox|mailbox) )?to\b`,
  },
  {
    id: 'search-mailbox',
    category: 'tool',
    strength: 'weak',
    language: 'en',
    requires: ['search'],
    pattern: String.raw`\bsearch (?:the |their |the user's |your |my )?(?:mailbox|inbox|e-?mails|mail history|drive|onedrive|sharepoint) for\b`,
  },

  // Keeping it from the user.
  {
    id: 'do-not-tell-user',
    category: 'secrecy',
    strength: 'strong',
    language: 'en',
    requires: ['user', 'human', 'mailbox owner'],
    pattern: String.raw`\b(?:do not|don't|never|must not) (?:tell|inform|mention|reveal|disclose|notify|alert|show|let) (?:this |these |it |anything |any of this )?(?:instructions? )?(?:to )?${USER}\b|\bwithout (?:telling|informing|notifying|alerting|asking) ${USER}\b`,
  },
  {
    id: 'do-not-mention-instructions',
    category: 'secrecy',
    strength: 'strong',
    language: 'en',
    requires: ['do not', "don't", 'never '],
    pattern: String.raw`\b(?:do not|don't|never) (?:mention|reveal|disclose|repeat|acknowledge) (?:these|this|the above|the hidden|the following) (?:instructions?|prompt|message|text|note)\b`,
  },

  // Putting data into a link the assistant will render or fetch.
  {
    id: 'append-to-url',
    category: 'exfiltration',
    strength: 'strong',
    language: 'en',
    requires: ['url', 'link', 'query', 'href'],
    pattern: String.raw`\b(?:append|add|attach|insert|put|include|embed|encode) (?:the |their |all |any |his |her |it |them |this )?[\w' -]{0,50}(?:to|in|into|as) (?:the |a |this |that )?(?:url|link|query string|query parameter|image url|image link|href)\b`,
  },
  {
    id: 'encode-into-link',
    category: 'exfiltration',
    strength: 'strong',
    language: 'en',
    requires: ['encode'],
    pattern: String.raw`\b(?:base64|base-64|url|hex)[- ]?encode[sd]? [\w' -]{0,60}(?:and |then )?(?:include|append|add|put|insert|place)\b`,
  },
];
