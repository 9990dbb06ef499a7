import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInvisibleOn, parseColour } from './css-colour.ts';
import { hiddenForGood, lengthInPx, parseDeclarations } from './css-style.ts';
import { addStyleRules, emptyStyleSheet } from './style-sheet.ts';

describe('css colours', () => {
  it('reads hex, short hex, rgb(), names and bare html hex', () => {
    assert.deepEqual(parseColour('#fff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColour('rgb(250, 250, 250)'), { r: 250, g: 250, b: 250, a: 1 });
    assert.deepEqual(parseColour('White'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColour('ffffff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.equal(parseColour('var(--brand)'), undefined);
  });

  it('calls white on white and #fefefe on #ffffff invisible, grey footer text readable', () => {
    const white = parseColour('#ffffff')!;
    assert.equal(isInvisibleOn(parseColour('#ffffff')!, white), true);
    assert.equal(isInvisibleOn(parseColour('#fefefe')!, white), true);
    assert.equal(isInvisibleOn(parseColour('transparent')!, white), true);
    assert.equal(isInvisibleOn(parseColour('#777777')!, white), false);
    assert.equal(isInvisibleOn(parseColour('#ffffff')!, parseColour('#1a73e8')!), false);
  });
});

describe('css declarations', () => {
  it('parses declarations and drops !important', () => {
    const d = parseDeclarations('Display: NONE !important; color:#FFF;;font-size:0');
    assert.equal(d.get('display'), 'none');
    assert.equal(d.get('color'), '#fff');
    assert.equal(d.get('font-size'), '0');
  });

  it('converts lengths, relative ones against the inherited font size', () => {
    assert.equal(lengthInPx('12pt'), 16);
    assert.equal(lengthInPx('0.5em', 10), 5);
    assert.equal(lengthInPx('50%', 4), 2);
    assert.equal(lengthInPx('auto'), undefined);
  });

  it('names the ways a box is hidden for good', () => {
    const reason = (style: string) => hiddenForGood(parseDeclarations(style));
    assert.equal(reason('display:none'), 'display-none');
    assert.equal(reason('opacity:0'), 'opacity-zero');
    assert.equal(reason('max-height:0;overflow:hidden'), 'zero-size');
    assert.equal(reason('position:absolute;left:-9999px'), 'off-screen');
    assert.equal(reason('clip:rect(0 0 0 0);position:absolute'), 'clipped');
    assert.equal(reason('height:0'), undefined, 'a zero height without overflow hidden still shows its content');
    assert.equal(reason('position:relative;left:-20px'), undefined);
  });
});

describe('style sheet', () => {
  it('keeps simple class rules and remembers classes a media query shows again', () => {
    const sheet = emptyStyleSheet();
    addStyleRules(
      sheet,
      `.hide { display:none } td.note, #legal { color:#fff }
       @media only screen and (max-width:600px) { .mobile { display:block !important } .hide-mobile { display:none } }
       @font-face { font-family: X; src: url(x.woff) }`,
    );
    assert.equal(sheet.byClass.get('hide')?.get('display'), 'none');
    assert.equal(sheet.byClass.get('note')?.get('color'), '#fff');
    assert.equal(sheet.byId.get('legal')?.get('color'), '#fff');
    assert.ok(sheet.shownByMedia.has('mobile'));
    assert.ok(!sheet.shownByMedia.has('hide-mobile'));
  });
});
