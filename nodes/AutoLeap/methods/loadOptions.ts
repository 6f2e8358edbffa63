export { getCompanies, getLocations } from '../../shared/parameters';
