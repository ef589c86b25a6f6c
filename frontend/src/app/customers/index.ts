// The customers feature has nothing other features use; its routes table
// (feature/customers.routes.ts) is loaded lazily by app.routes.ts.
export {};
