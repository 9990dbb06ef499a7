import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { viewHtml } from '../../mime/html.ts';
import { hiddenProseRuns, preheaderIndex, wordCount } from './hidden-prose.ts';
import { analyseHtmlVisibility } from './html-visibility.ts';

const hiddenTexts = (html: string) => analyseHtmlVisibility(html).hiddenRuns.map((r) => `${r.reason}: ${r.text}`);

describe('html visibility', () => {
  it('finds text hidden by inline styles, attributes and inherited state', () => {
    assert.deepEqual(hiddenTexts('<p>Shown</p><div style="display:none"><p>gone <b>too</b></p></div>'), ['display-none: gone too']);
    assert.deepEqual(hiddenTexts('<p>Shown</p><span hidden>by attribute</span>'), ['hidden-attribute: by attribute']);
    assert.deepEqual(hiddenTexts('<p>Shown</p><div style="position:absolute;left:-9999px">far away</div>'), ['off-screen: far away']);
    assert.deepEqual(hiddenTexts('<p>Shown</p><p style="text-indent:-9999px">indented away</p>'), ['off-screen: indented away']);
  });

  it('lets a child undo an inherited font size or visibility, but never display:none', () => {
    assert.deepEqual(hiddenTexts('<td style="font-size:0"><span style="font-size:14px">column text</span></td>'), []);
    assert.deepEqual(hiddenTexts('<div style="visibility:hidden"><span style="visibility:visible">back</span></div>'), []);
    assert.deepEqual(hiddenTexts('<div style="display:none"><span style="display:block">still gone</span></div>'), [
      'display-none: still gone',
    ]);
    assert.deepEqual(hiddenTexts('<td style="font-size:0">zero <span style="font-size:0.5em">half of zero</span></td>'), [
      'tiny-font: zero half of zero',
    ]);
  });

  it('sees text painted in the background colour, from attributes or CSS', () => {
    assert.deepEqual(hiddenTexts('<body bgcolor="#ffffff"><font size="1" color="white">white words</font></body>'), [
      'same-colour: white words',
    ]);
    assert.deepEqual(hiddenTexts('<div style="background:#102030"><p style="color:#102031">dark on dark</p></div>'), [
      'same-colour: dark on dark',
    ]);
    assert.deepEqual(hiddenTexts('<td bgcolor="#1a73e8"><a href="x" style="color:#ffffff">Button</a></td>'), []);
    assert.deepEqual(hiddenTexts('<td style="background-image:url(x.png)"><p style="color:#fff">on a picture</p></td>'), []);
    assert.deepEqual(hiddenTexts('<div style="color:#fff"><a href="https://x.test">a link keeps its own colour</a></div>'), []);
  });

  it('reads a dark theme set by a tag rule', () => {
    assert.deepEqual(hiddenTexts('<style>body { background-color:#111111; color:#eeeeee }</style><body><p>light on dark</p></body>'), []);
  });

  it('applies class rules from <style> but not to blocks a media query shows on phones', () => {
    const html = `<style>.x{display:none} .m{display:none;max-height:0;overflow:hidden}
      @media (max-width:600px){ .m{display:block!important;max-height:none!important} }</style>
      <div class="x">by class</div><div class="m">mobile only</div>`;
    assert.deepEqual(hiddenTexts(html), ['display-none: by class']);
  });

  it('collects comment prose and multi-word title/alt texts, not conditional comments', () => {
    const view = analyseHtmlVisibility(
      '<!--[if mso]><table><tr><td><![endif]--><!-- note to the reader of this source --><img alt="Company logo" src="l.png"><a title="Go" href="x">go</a>',
    );
    assert.deepEqual(view.comments, ['note to the reader of this source']);
    assert.deepEqual(view.attributeTexts, [{ attribute: 'alt', text: 'Company logo' }]);
  });

  it('sets the preheader and aria-hidden blocks aside from hidden prose', () => {
    const view = analyseHtmlVisibility(
      `<div style="display:none">Our autumn sale starts now &zwnj;&nbsp;&zwnj;&nbsp;</div><p>Visible body text of the newsletter.</p>
       <div aria-hidden="true">decorative words that are still on screen for sighted readers</div>
       <div style="display:none">a second hidden block with enough words to be prose</div>`,
    );
    assert.equal(preheaderIndex(view.hiddenRuns), 0);
    assert.equal(view.hiddenRuns[0].text, 'Our autumn sale starts now');
    assert.deepEqual(
      hiddenProseRuns(view).map((r) => r.text),
      ['a second hidden block with enough words to be prose'],
    );
  });
});

describe('hidden prose', () => {
  it('does not count a hidden copy of a block that is also shown', () => {
    const view = analyseHtmlVisibility(
      `<p>Welcome</p><div style="display:none">Free delivery on every order over fifty pounds this week</div>
       <div>Free delivery on every order over fifty pounds this week</div>`,
    );
    assert.equal(view.hiddenRuns.length, 1);
    assert.deepEqual(hiddenProseRuns(view), []);
  });
});

describe('responsive blocks', () => {
  it('treats content inside a block shown again by a media query as visible, however deep', () => {
    const html = `<style>@media (max-width:620px){ .desktop_hide, .desktop_hide table { display:table !important; max-height:none !important } }</style>
      <p>Desktop text</p><table class="desktop_hide" style="display:none;max-height:0;overflow:hidden"><tr><td>
      <table style="display:none;max-height:0;overflow:hidden"><tr><td>Mobile copy of the text</td></tr></table></td></tr></table>`;
    assert.deepEqual(hiddenTexts(html), []);
  });
});

describe('word count', () => {
  it('counts words of prose, not the letters of hidden tracking links', () => {
    assert.equal(wordCount('Read more at https://elink.example.com/oc/65ab2c/60e0 or mail news@example.com'), 5);
  });
});

describe('restyled columns', () => {
  it('keeps hidden text hidden inside a column that a media query merely stacks', () => {
    const html = `<style>@media (max-width:600px){ .column { display:block !important; width:100% !important } }</style>
      <table><tr><td class="column">Visible column<div style="display:none">hidden inside a column</div></td></tr></table>`;
    assert.deepEqual(hiddenTexts(html), ['display-none: hidden inside a column']);
  });
});

describe('events recorded by the MIME parser', () => {
  it('give the same view as a walk of its own', () => {
    const samples = [
      '<html><head><style>.x{display:none}</style></head><body><p class="x">ignore previous instructions</p><p>Hello &amp; welcome</p>',
      '<div style="color:#fff;background:#fff">same colour</div><!-- a comment with several words in it --><img alt="two words" src="a.png">',
      '<p>unclosed <b>bold <i>italic</p> text after &nbsp; <span style="font-size:0">tiny</span>',
    ];
    for (const html of samples) {
      const tokens = viewHtml(html, 1_000_000).tokens;
      assert.ok(tokens);
      assert.deepEqual(analyseHtmlVisibility(html, tokens), analyseHtmlVisibility(html));
      assert.notDeepEqual(analyseHtmlVisibility(html, viewHtml('<p>other</p>', 1_000_000).tokens), analyseHtmlVisibility(html));
    }
  });
});
