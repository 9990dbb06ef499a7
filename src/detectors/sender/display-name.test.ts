import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disguiseIn, joinSpacedLetters, readableName } from './display-name.ts';

describe('display names', () => {
  it('reads names as a person sees them', () => {
    assert.equal(readableName('A\u073fm\u073fa\u073fzon Service'), 'Amazon Service');
    assert.equal(readableName('Pay\u200bPal'), 'PayPal');
    assert.equal(readableName('\uff21\uff4d\uff41\uff5a\uff4f\uff4e'), 'Amazon');
    assert.equal(readableName('José  García'), 'Jose Garcia');
  });

  it('joins letters written apart but not initials', () => {
    assert.equal(joinSpacedLetters('C o i n b a s e Support'), 'Coinbase Support');
    assert.equal(joinSpacedLetters('J R R Tolkien'), 'J R R Tolkien');
  });

  it('tells disguised names from ordinary accented or foreign ones', () => {
    assert.equal(disguiseIn('C o i n b a s e'), 'letters spaced apart');
    assert.equal(disguiseIn('A\u073fm\u073fa\u073fzon'), 'invisible or combining characters between letters');
    assert.ok(disguiseIn('Net\u200dflix'));
    assert.equal(disguiseIn('Zoë Müller'), undefined);
    assert.equal(disguiseIn('伊東 仁'), undefined);
    assert.equal(disguiseIn('Nguyễn Văn An'), undefined);
  });
});

describe('mixed-script display names', () => {
  it('reads Cyrillic look-alikes inside Latin words as Latin', () => {
    assert.equal(readableName('Nutrisyst\u0435m P\u0430rtn\u0435r'), 'Nutrisystem Partner');
    assert.equal(disguiseIn('Nutrisyst\u0435m P\u0430rtn\u0435r'), 'Cyrillic or Greek letters inside Latin words');
  });

  it('leaves names written wholly in Cyrillic or Greek alone', () => {
    assert.equal(readableName('Анна Петрова'), 'Анна Петрова');
    assert.equal(disguiseIn('Анна Петрова'), undefined);
    assert.equal(disguiseIn('Νίκος Παπαδόπουλος'), undefined);
    assert.equal(disguiseIn('Anna Петрова'), undefined);
  });
});
