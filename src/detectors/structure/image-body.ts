/**
 * structure.image-body: the html says what it has to say in pictures, so a text filter has
 * nothing to read.
 *
 * Catches: a body that is one linked banner (`<a href=…><img src=https://cdn…/offer.jpg></a>`)
 * with a line of footer text; a "your parcel is waiting" notice rendered entirely as an image.
 * Known false positives: image-heavy retail newsletters with little text (they usually carry
 * a text part and a longer footer), greeting cards, and forwarded photos with an empty body.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { bodyFacts, linkedImages } from './body-facts.ts';

/** A reader sees fewer visible characters than a short sentence. */
const NO_TEXT = 40;
/** A couple of short lines: the images carry the message. */
const LITTLE_TEXT = 200;

const signals = [
  {
    id: 'STRUCT_IMAGE_ONLY_BODY',
    group: 'mime',
    weight: 1.5,
    indicates: 'spam',
    description: 'The html body shows images but almost no text, so its message cannot be read by a text filter',
  },
  {
    id: 'STRUCT_LINKED_IMAGE_BODY',
    group: 'mime',
    weight: 1,
    indicates: 'spam',
    description: 'The body is little more than a clickable image: the call to action is a picture',
  },
] as const satisfies readonly SignalDefinition[];

export const imageBodyDetector: Detector = {
  id: 'structure.image-body',
  stage: 'analyze',
  signals,
  run(ctx) {
    if (!ctx.message.html) return [];
    const facts = bodyFacts(ctx);
    if (facts.images === 0) return [];
    const hits: SignalHit[] = [];
    const evidence = [`${facts.visibleChars} visible characters`, `${facts.images} image(s)`];
    // The plain-text alternative counts too: a long text part means the sender did write words.
    const text = Math.max(facts.visibleChars, facts.textChars);
    if (text < NO_TEXT) hits.push({ id: 'STRUCT_IMAGE_ONLY_BODY', evidence });
    if (text >= LITTLE_TEXT) return hits;
    const linked = linkedImages(ctx.message.html);
    if (linked > 0) hits.push({ id: 'STRUCT_LINKED_IMAGE_BODY', evidence: [...evidence, `${linked} linked image(s)`] });
    return hits;
  },
};
