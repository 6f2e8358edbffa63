export { getCompanies, getLocations } from './profile';
export { searchCustomers, searchVehicles } from './records';
