/**
 * Types for the parts of mailauth we use that its own declarations leave out: the Received
 * parser `authenticate()` itself uses for `trustReceived`, so both read trace fields alike.
 */
declare module 'mailauth/lib/parse-received.js' {
  export interface ReceivedClause {
    value: string;
    comment?: string;
  }
  export interface ParsedReceived {
    from?: ReceivedClause;
    by?: ReceivedClause;
    'envelope-from'?: ReceivedClause;
  }
  /** Takes the whole field line (`Received: ...`). */
  export function parseReceived(line: string): ParsedReceived | false;
  /** The connecting IP from the TCP-info comment of a from clause, never a HELO address literal. */
  export function getClientAddress(from: ReceivedClause | undefined): string | false;
}
