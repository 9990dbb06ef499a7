import { MailwardError } from '../core/errors.ts';

/**
 * Composite rules combine signals: `LANG_CREDENTIAL_REQUEST & (URL_FREE_HOSTING | URL_LOOKALIKE) & !AUTH_DMARC_PASS`.
 * A tiny recursive-descent parser over `&`, `|`, `!` and parentheses; identifiers are signal ids.
 * Parsed once when the configuration loads, evaluated per message without eval().
 */
export type Expression = { op: 'signal'; id: string } | { op: 'not'; operand: Expression } | { op: 'and' | 'or'; operands: Expression[] };

export function parseExpression(source: string): Expression {
  const tokens = source.match(/[A-Z0-9_]+|[&|!()]|\S/g) ?? [];
  let position = 0;

  const fail = (message: string): never => {
    throw new MailwardError('CONFIG_INVALID', `composite expression "${source}": ${message}`);
  };
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function parseOr(): Expression {
    const operands = [parseAnd()];
    while (peek() === '|') {
      next();
      operands.push(parseAnd());
    }
    return operands.length === 1 ? operands[0] : { op: 'or', operands };
  }
  function parseAnd(): Expression {
    const operands = [parseUnary()];
    while (peek() === '&') {
      next();
      operands.push(parseUnary());
    }
    return operands.length === 1 ? operands[0] : { op: 'and', operands };
  }
  function parseUnary(): Expression {
    const token = next();
    if (token === undefined) return fail('ends too early');
    if (token === '!') return { op: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (next() !== ')') fail('missing )');
      return inner;
    }
    if (/^[A-Z][A-Z0-9_]*$/.test(token)) return { op: 'signal', id: token };
    return fail(`unexpected "${token}"`);
  }

  const expression = parseOr();
  if (position < tokens.length) fail(`unexpected "${tokens[position]}"`);
  return expression;
}

export function evaluateExpression(expression: Expression, present: (id: string) => boolean): boolean {
  switch (expression.op) {
    case 'signal':
      return present(expression.id);
    case 'not':
      return !evaluateExpression(expression.operand, present);
    case 'and':
      return expression.operands.every((e) => evaluateExpression(e, present));
    case 'or':
      return expression.operands.some((e) => evaluateExpression(e, present));
  }
}

/** Every signal id an expression mentions, so configuration can reject unknown ones. */
export function signalsIn(expression: Expression): string[] {
  switch (expression.op) {
    case 'signal':
      return [expression.id];
    case 'not':
      return signalsIn(expression.operand);
    default:
      return expression.operands.flatMap(signalsIn);
  }
}
