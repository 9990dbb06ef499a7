import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { compileLexicon, type Lexicon, lexiconHit, type Phrase, phrasesInMessage } from './lexicon.ts';
import { languageText } from './message-text.ts';

/** One signal backed by one lexicon; `applies` can hold the signal back for messages where it means nothing. */
export interface LexiconSignal {
  signal: SignalDefinition;
  phrases: readonly Phrase[];
  minFactor?: number;
  applies?: (ctx: ScanContext) => boolean;
}

interface CompiledSignal extends LexiconSignal {
  lexicon: Lexicon;
}

/** A detector made of lexicon signals: each fires with the distinct phrases it found as evidence. */
export function lexiconDetector(id: string, signals: readonly LexiconSignal[]): Detector {
  const compiled: CompiledSignal[] = signals.map((s) => ({ ...s, lexicon: compileLexicon(s.signal.id, s.phrases) }));
  return {
    id,
    stage: 'analyze',
    signals: signals.map((s) => s.signal),
    run(ctx) {
      const text = languageText(ctx);
      const hits: SignalHit[] = [];
      for (const entry of compiled) {
        if (entry.applies && !entry.applies(ctx)) continue;
        const hit = lexiconHit(entry.signal.id, phrasesInMessage(entry.lexicon, text), entry.minFactor);
        if (hit) hits.push(hit);
      }
      return hits;
    },
  };
}
