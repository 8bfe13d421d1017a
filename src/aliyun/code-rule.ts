/**
 * @module code-rule
 * The shape of one Aliyun error code's report, shared by the SMS table (error-codes.ts) and the
 * PNVS table (pnvs-error-codes.ts) so that neither table imports the other for it.
 */
import type { ConnectorErrorCodes } from '@logto/connector-kit';

/** How one Aliyun code is reported. `explain` gets the failed call's template code and API name. */
export type CodeRule = {
  connectorCode: ConnectorErrorCodes;
  explain: (context: { templateCode: string; api: string }) => string;
};
