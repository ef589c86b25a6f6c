// The macros feature's public surface for other features (the ticket page, the new-ticket form).
export { MacroApplyComponent } from './feature/macro-apply.component';
export { MacroPickerComponent } from './feature/macro-picker.component';
