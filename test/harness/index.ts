export { CredentialStore } from './credentialStore';
export { ProcessView } from './processView';
export { HarnessCredentialsHelper } from './credentialsHelper';
export { buildAdditionalData, buildHooks } from './additionalData';
export { loadOptionsContext } from './loadOptions';
export { buildNodeTypes, latestVersion, manualTrigger, MANUAL_TRIGGER_TYPE } from './nodeTypes';
export { nodeCredentials, runNode, type RunNodeOptions, type RunNodeResult } from './runNode';
export { testCredential } from './testCredential';
export { buildNodeWorkflow } from './workflow';
