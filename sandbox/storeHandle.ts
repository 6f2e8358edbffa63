import type { Store } from './store';
import type { SandboxStoreHandle } from './types';

/** Test-facing view of the store: copies out, so tests cannot mutate records without stamping them. */
export function storeHandle(store: Store): SandboxStoreHandle {
	return {
		list: (resource, companyId) => store.all(resource, companyId).map((r) => structuredClone(r)),
		get: (resource, id) => {
			const r = store.find(resource, id);
			return r && structuredClone(r);
		},
		create: (resource, record) => structuredClone(store.insert(resource, structuredClone(record))),
		update: (resource, id, patch) => structuredClone(store.patch(resource, id, patch)),
	};
}
