import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialsDetails,
} from 'n8n-workflow';

interface StoredCredential {
	id: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's credentials table: one credential per type, read afresh on every access
 * (as n8n reads the database), counting what the engine does to it.
 */
export class CredentialStore {
	/** How often the engine actually ran a credential type's `preAuthentication`. */
	preAuthentications = 0;

	/** How often the engine saved credential data (after a preAuthentication). */
	saves = 0;

	private readonly types = new Map<string, ICredentialType>();

	private readonly rows = new Map<string, StoredCredential>();

	constructor(types: ICredentialType[], data: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const type of types) this.types.set(type.name, type);
		for (const [type, values] of Object.entries(data)) this.set(type, values);
	}

	credentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Harness: unknown credential type "${name}"`);
		return type;
	}

	credentialTypeNames(): string[] {
		return [...this.types.keys()];
	}

	has(type: string): boolean {
		return this.rows.has(type);
	}

	/** Creates or replaces the credential (like saving a new one in the UI). */
	set(type: string, data: ICredentialDataDecryptedObject) {
		this.credentialType(type);
		const id = this.rows.get(type)?.id ?? String(this.rows.size + 1);
		this.rows.set(type, { id, name: `${type} account`, data: structuredClone(data) });
	}

	/**
	 * Edits fields as a user does in the credential dialog: the fields given change, everything
	 * else stays, including hidden fields such as a stored token (n8n does not clear those).
	 */
	edit(type: string, changes: ICredentialDataDecryptedObject) {
		this.set(type, { ...this.data(type), ...structuredClone(changes) });
	}

	/** The stored data now (a copy). */
	data(type: string): ICredentialDataDecryptedObject {
		const row = this.rows.get(type);
		if (!row) throw new Error(`Harness: no credential of type "${type}" stored`);
		return structuredClone(row.data);
	}

	details(type: string): INodeCredentialsDetails {
		const row = this.rows.get(type);
		if (!row) throw new Error(`Harness: no credential of type "${type}" stored`);
		return { id: row.id, name: row.name };
	}

	/** What n8n's `updateCredentials` does: replace the stored data. */
	save(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		const row = this.rows.get(type);
		if (!row || row.id !== details.id)
			throw new Error(`Harness: credential ${details.id} of type "${type}" not found`);
		row.data = structuredClone(data);
		this.saves++;
	}
}
