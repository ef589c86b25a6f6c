// The macros feature's public surface for other features (the ticket page, the new-ticket form).
// Its routes table (feature/macros.routes.ts) is loaded lazily by app.routes.ts.
export { MacroApplyComponent } from './feature/macro-apply.component';
export { MacroPickerComponent } from './feature/macro-picker.component';
