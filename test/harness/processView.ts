import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialsDetails,
} from 'n8n-workflow';

import { CredentialStore } from './credentialStore';

/**
 * One n8n process: a credential type of its own (the tokens it holds), the database it shares with
 * other processes. `saves` counts what this process saved.
 */
export class ProcessView extends CredentialStore {
	constructor(
		private readonly db: CredentialStore,
		credential: ICredentialType,
	) {
		super([credential]);
	}

	has(type: string) {
		return this.db.has(type);
	}

	data(type: string) {
		return this.db.data(type);
	}

	details(type: string) {
		return this.db.details(type);
	}

	save(details: INodeCredentialsDetails, type: string, value: ICredentialDataDecryptedObject) {
		this.saves++;
		this.db.save(details, type, value);
	}
}
