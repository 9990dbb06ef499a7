import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseForMatching } from './normalise.ts';

test('folds case, accents and line breaks so one phrase matches every spelling', () => {
  assert.equal(normaliseForMatching('Atualize  SEUS\r\n dados até HOJE'), 'atualize seus dados ate hoje');
  assert.equal(normaliseForMatching('Überprüfen Sie Ihre Identität'), 'uberprufen sie ihre identitat');
});

test('undoes homoglyph and styled-letter disguises', () => {
  assert.equal(normaliseForMatching('Vеrify yоur аccount'), 'verify your account');
  assert.equal(normaliseForMatching('𝐕𝐞𝐫𝐢𝐟𝐲 𝐲𝐨𝐮𝐫 𝐚𝐜𝐜𝐨𝐮𝐧𝐭'), 'verify your account');
  assert.equal(normaliseForMatching('P̶e̶n̶d̶i̶n̶g̶'), 'pending');
});

test('removes invisible characters and straightens apostrophes', () => {
  assert.equal(normaliseForMatching('re\u200Bactivate your pass\u00ADword'), 'reactivate your password');
  assert.equal(normaliseForMatching('Don’t miss it'), "don't miss it");
});

test('keeps plain ASCII text as it is apart from case and spacing', () => {
  assert.equal(normaliseForMatching('  Invoice #42 is DUE\n'), 'invoice #42 is due');
  assert.equal(normaliseForMatching(''), '');
});
