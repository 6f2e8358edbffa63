import { getPartnerProfile, partnerLogin, partnerLogout, refreshTokens } from './auth';
import type { RouteHandler } from './context';
import {
	archiveCustomers,
	createCustomers,
	getCustomer,
	listCustomers,
	updateCustomers,
} from './customers';
import {
	archiveItems,
	createItems,
	getInventoryLevels,
	getItem,
	getItemPricing,
	listItems,
	updateInventoryLevels,
	updateItemPricing,
} from './items';
import {
	createAppointmentRequest,
	getRepairOrder,
	listAppointmentRequests,
	listPayments,
	listRepairOrders,
	listTechnicianTimesheetLogs,
} from './shop';
import {
	archiveVehicles,
	createVehicles,
	getVehicle,
	listVehicles,
	updateVehicles,
} from './vehicles';

/** operationId (from reference/openapi.yaml) -> handler. A test checks every operation has one. */
export const HANDLERS: Record<string, RouteHandler> = {
	partnerLogin,
	refreshTokens,
	partnerLogout,
	getPartnerProfile,
	listCustomers,
	getCustomer,
	createCustomers,
	updateCustomers,
	archiveCustomers,
	listVehicles,
	getVehicle,
	createVehicles,
	updateVehicles,
	archiveVehicles,
	listItems,
	getItem,
	createItems,
	archiveItems,
	getItemPricing,
	updateItemPricing,
	getInventoryLevels,
	updateInventoryLevels,
	listRepairOrders,
	getRepairOrder,
	listPayments,
	listAppointmentRequests,
	createAppointmentRequest,
	listTechnicianTimesheetLogs,
};

export type { RouteContext, RouteHandler, RouteResult } from './context';
