/** Word lists for the seeded demo shop (realistic, US/Canada flavoured). */
export const FIRST_NAMES = [
	'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
	'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
	'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Luis', 'Emily',
	'Steven', 'Michelle', 'Andrew', 'Amanda', 'Kevin', 'Melissa', 'Brian', 'Stephanie', 'Wei', 'Priya',
	'Omar', 'Fatima', 'Diego', 'Sofia', 'Hiroshi', 'Aisha', 'Marc', 'Chloé', 'Noah', 'Olivia',
] as const;

export const LAST_NAMES = [
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
	'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
	'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
	'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Flores', 'Green',
	'Patel', 'Kim', 'Tremblay', 'Gagnon', 'Roy', 'Chen', 'Singh', 'Khan', 'Okafor', "O'Brien",
] as const;

export const FLEET_NAMES = [
	'Sunrise Plumbing', 'Metro Courier', 'Blue Line Electric', 'Valley Landscaping', 'Apex Roofing',
	'City Cab Co', 'Green Leaf Catering', 'Rapid Rooter', 'Summit HVAC', 'Northside Rentals',
] as const;

export const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Elm St', 'Park Blvd', 'Lakeview Rd', 'Pine St', 'Sunset Ave', 'Hillcrest Dr'] as const;

export const CITIES: ReadonlyArray<{ city: string; state: string; zip: string; country: string }> = [
	{ city: 'Austin', state: 'TX', zip: '78701', country: 'USA' },
	{ city: 'Round Rock', state: 'TX', zip: '78664', country: 'USA' },
	{ city: 'Phoenix', state: 'AZ', zip: '85004', country: 'USA' },
	{ city: 'Tempe', state: 'AZ', zip: '85281', country: 'USA' },
	{ city: 'Denver', state: 'CO', zip: '80202', country: 'USA' },
	{ city: 'Toronto', state: 'ON', zip: 'M5V 2T6', country: 'Canada' },
	{ city: 'Mississauga', state: 'ON', zip: 'L5B 3C2', country: 'Canada' },
];

export const VEHICLE_MODELS: ReadonlyArray<{ make: string; model: string; engine: string; driveType: string }> = [
	{ make: 'Toyota', model: 'Camry', engine: '2.5L I4', driveType: 'FWD' },
	{ make: 'Toyota', model: 'RAV4', engine: '2.5L I4', driveType: 'AWD' },
	{ make: 'Toyota', model: 'Tacoma', engine: '3.5L V6', driveType: '4WD' },
	{ make: 'Honda', model: 'Civic', engine: '2.0L I4', driveType: 'FWD' },
	{ make: 'Honda', model: 'Accord', engine: '1.5L Turbo I4', driveType: 'FWD' },
	{ make: 'Honda', model: 'CR-V', engine: '1.5L Turbo I4', driveType: 'AWD' },
	{ make: 'Ford', model: 'F-150', engine: '3.5L EcoBoost V6', driveType: '4WD' },
	{ make: 'Ford', model: 'Escape', engine: '2.0L EcoBoost I4', driveType: 'AWD' },
	{ make: 'Ford', model: 'Transit', engine: '3.5L V6', driveType: 'RWD' },
	{ make: 'Chevrolet', model: 'Silverado 1500', engine: '5.3L V8', driveType: '4WD' },
	{ make: 'Chevrolet', model: 'Equinox', engine: '1.5L Turbo I4', driveType: 'FWD' },
	{ make: 'Nissan', model: 'Altima', engine: '2.5L I4', driveType: 'FWD' },
	{ make: 'Nissan', model: 'Rogue', engine: '2.5L I4', driveType: 'AWD' },
	{ make: 'Hyundai', model: 'Elantra', engine: '2.0L I4', driveType: 'FWD' },
	{ make: 'Kia', model: 'Sorento', engine: '2.5L I4', driveType: 'AWD' },
	{ make: 'Subaru', model: 'Outback', engine: '2.5L H4', driveType: 'AWD' },
	{ make: 'Jeep', model: 'Grand Cherokee', engine: '3.6L V6', driveType: '4WD' },
	{ make: 'Ram', model: '1500', engine: '5.7L HEMI V8', driveType: '4WD' },
	{ make: 'BMW', model: '330i', engine: '2.0L Turbo I4', driveType: 'RWD' },
	{ make: 'Tesla', model: 'Model 3', engine: 'Electric', driveType: 'RWD' },
	{ make: 'Volkswagen', model: 'Jetta', engine: '1.5L Turbo I4', driveType: 'FWD' },
	{ make: 'Mazda', model: 'CX-5', engine: '2.5L I4', driveType: 'AWD' },
];

export const COLORS = ['White', 'Black', 'Silver', 'Gray', 'Blue', 'Red', 'Green', 'Beige', 'Brown'] as const;

export const PARTS: ReadonlyArray<{ name: string; category: string; brand: string; cost: number }> = [
	{ name: 'Brake Pad Set - Front', category: 'Brakes', brand: 'Bosch', cost: 3450 },
	{ name: 'Brake Pad Set - Rear', category: 'Brakes', brand: 'Akebono', cost: 3120 },
	{ name: 'Brake Rotor - Front', category: 'Brakes', brand: 'ACDelco', cost: 4890 },
	{ name: 'Brake Fluid DOT 4 (1L)', category: 'Fluids', brand: 'Castrol', cost: 1150 },
	{ name: 'Engine Oil 5W-30 Synthetic (5qt)', category: 'Fluids', brand: 'Mobil 1', cost: 2899 },
	{ name: 'Engine Oil 0W-20 Synthetic (5qt)', category: 'Fluids', brand: 'Pennzoil', cost: 2750 },
	{ name: 'Oil Filter', category: 'Filters', brand: 'Fram', cost: 540 },
	{ name: 'Engine Air Filter', category: 'Filters', brand: 'K&N', cost: 1675 },
	{ name: 'Cabin Air Filter', category: 'Filters', brand: 'Bosch', cost: 1220 },
	{ name: 'Wiper Blade 22in', category: 'Accessories', brand: 'Rain-X', cost: 980 },
	{ name: 'Spark Plug Iridium', category: 'Ignition', brand: 'NGK', cost: 845 },
	{ name: 'Ignition Coil', category: 'Ignition', brand: 'Denso', cost: 5420 },
	{ name: 'Serpentine Belt', category: 'Belts & Hoses', brand: 'Gates', cost: 3210 },
	{ name: 'Timing Belt Kit', category: 'Belts & Hoses', brand: 'Aisin', cost: 14950 },
	{ name: 'Radiator Hose - Upper', category: 'Cooling', brand: 'Dayco', cost: 2480 },
	{ name: 'Coolant 50/50 (1gal)', category: 'Fluids', brand: 'Prestone', cost: 1599 },
	{ name: 'Water Pump', category: 'Cooling', brand: 'Aisin', cost: 8725 },
	{ name: 'Thermostat', category: 'Cooling', brand: 'Stant', cost: 1890 },
	{ name: 'Battery Group 24F', category: 'Electrical', brand: 'Interstate', cost: 13900 },
	{ name: 'Alternator (Reman)', category: 'Electrical', brand: 'Bosch', cost: 18900 },
	{ name: 'Starter Motor (Reman)', category: 'Electrical', brand: 'Denso', cost: 16450 },
	{ name: 'Headlight Bulb H11', category: 'Lighting', brand: 'Sylvania', cost: 1399 },
	{ name: 'Front Strut Assembly', category: 'Suspension', brand: 'Monroe', cost: 11200 },
	{ name: 'Rear Shock Absorber', category: 'Suspension', brand: 'KYB', cost: 5650 },
	{ name: 'Sway Bar Link', category: 'Suspension', brand: 'Moog', cost: 2240 },
	{ name: 'Outer Tie Rod End', category: 'Steering', brand: 'Moog', cost: 2875 },
	{ name: 'Wheel Bearing Hub Assembly', category: 'Suspension', brand: 'Timken', cost: 9800 },
	{ name: 'CV Axle - Front Left', category: 'Drivetrain', brand: 'GSP', cost: 8450 },
	{ name: 'ATF Dexron VI (1qt)', category: 'Fluids', brand: 'ACDelco', cost: 899 },
	{ name: 'O2 Sensor Upstream', category: 'Emissions', brand: 'Denso', cost: 6780 },
];

export const TIRES: ReadonlyArray<{ brand: string; model: string; width: number; profile: number; rim: string; season: number; cost: number }> = [
	{ brand: 'Michelin', model: 'Defender2', width: 225, profile: 65, rim: '17', season: 1, cost: 15400 },
	{ brand: 'Michelin', model: 'CrossClimate2', width: 235, profile: 55, rim: '18', season: 1, cost: 18200 },
	{ brand: 'Goodyear', model: 'Eagle F1', width: 245, profile: 40, rim: '18', season: 2, cost: 17900 },
	{ brand: 'Goodyear', model: 'Assurance WeatherReady', width: 215, profile: 55, rim: '17', season: 1, cost: 13800 },
	{ brand: 'Bridgestone', model: 'Blizzak WS90', width: 205, profile: 55, rim: '16', season: 3, cost: 12900 },
	{ brand: 'Bridgestone', model: 'Turanza QuietTrack', width: 225, profile: 60, rim: '16', season: 1, cost: 14100 },
	{ brand: 'Continental', model: 'ExtremeContact DWS06', width: 245, profile: 45, rim: '19', season: 1, cost: 19900 },
	{ brand: 'Pirelli', model: 'Scorpion AS Plus 3', width: 265, profile: 70, rim: '17', season: 1, cost: 17600 },
	{ brand: 'BFGoodrich', model: 'KO2 All-Terrain', width: 275, profile: 65, rim: '18', season: 1, cost: 24500 },
	{ brand: 'Nokian', model: 'Hakkapeliitta R5', width: 215, profile: 60, rim: '16', season: 3, cost: 16400 },
	{ brand: 'Hankook', model: 'Kinergy PT', width: 205, profile: 65, rim: '16', season: 1, cost: 9900 },
	{ brand: 'Yokohama', model: 'Geolandar A/T G015', width: 265, profile: 70, rim: '17', season: 1, cost: 16900 },
];

export const OTHER_ITEMS: ReadonlyArray<{ type: 'labor' | 'fee' | 'discount'; name: string; number: string; price: number }> = [
	{ type: 'labor', name: 'General Labor (per hour)', number: 'LAB-GEN', price: 14500 },
	{ type: 'labor', name: 'Diagnostic Labor (per hour)', number: 'LAB-DIAG', price: 16500 },
	{ type: 'labor', name: 'Alignment Labor', number: 'LAB-ALIGN', price: 11999 },
	{ type: 'fee', name: 'Shop Supplies', number: 'FEE-SHOP', price: 3900 },
	{ type: 'fee', name: 'Hazardous Waste Disposal', number: 'FEE-HAZ', price: 850 },
	{ type: 'discount', name: 'Loyalty Discount 10%', number: 'DSC-LOYAL', price: -1000 },
	{ type: 'discount', name: 'Fleet Discount', number: 'DSC-FLEET', price: -2500 },
];

export const SERVICES: ReadonlyArray<{ title: string; laborHours: number; parts: number[] }> = [
	{ title: 'Oil & Filter Change', laborHours: 0.5, parts: [4, 6] },
	{ title: 'Front Brake Pads & Rotors', laborHours: 1.8, parts: [0, 2, 2] },
	{ title: 'Rear Brake Pads', laborHours: 1.2, parts: [1] },
	{ title: 'Diagnostic Inspection', laborHours: 1.0, parts: [] },
	{ title: 'Four-Wheel Alignment', laborHours: 1.0, parts: [] },
	{ title: 'Battery Replacement', laborHours: 0.4, parts: [18] },
	{ title: 'Coolant Flush', laborHours: 1.0, parts: [15, 15] },
	{ title: 'Spark Plug Replacement', laborHours: 1.5, parts: [10, 10, 10, 10] },
	{ title: 'Timing Belt & Water Pump', laborHours: 4.5, parts: [13, 16] },
	{ title: 'Front Struts Replacement', laborHours: 3.0, parts: [22, 22] },
	{ title: 'Cabin & Engine Air Filters', laborHours: 0.3, parts: [7, 8] },
	{ title: 'Alternator Replacement', laborHours: 2.0, parts: [19] },
	{ title: 'Wheel Bearing Replacement', laborHours: 1.7, parts: [26] },
	{ title: 'Check Engine Light - O2 Sensor', laborHours: 1.1, parts: [29] },
];

export const TECHNICIAN_NAMES = [
	'Joesph Whitfield', 'Alexis Mcgrail', 'Rida Fatima', 'Marco Bellini', 'Dana Kowalski', 'Tyrone Jenkins',
	'Hannah Schultz', 'Raj Mehta', 'Luc Bergeron', 'Ana Ribeiro', 'Ben Carter', 'Yuki Tanaka',
] as const;
