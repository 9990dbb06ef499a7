/** Connector failures, coded so the API, the mailbox status and the logs name them the same way. */
export type ConnectorErrorCode =
  | 'CONNECTOR_AUTH_FAILED'
  | 'CONNECTOR_AUTH_EXPIRED'
  | 'CONNECTOR_UNREACHABLE'
  | 'CONNECTOR_SECRET_KEY_MISSING'
  | 'CONNECTOR_SECRET_UNREADABLE'
  | 'CONNECTOR_FOLDER_MISSING'
  | 'CONNECTOR_FAILED';

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  constructor(code: ConnectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectorError';
    this.code = code;
  }
}
