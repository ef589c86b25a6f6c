/** One shortcut as the `?` overlay lists it. */
export interface ShortcutInfo {
  /** What is pressed: one key (`r`, `?`, `/`), `Shift+C`, or a sequence (`g t`). */
  readonly keys: string;
  readonly description: string;
}

/** The shortcuts of one page (or of every page: "Anywhere"), in the order the overlay lists them. */
export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly ShortcutInfo[];
}

/** A shortcut in force while its page is open: what it does. */
export interface ShortcutBinding {
  readonly keys: string;
  readonly run: () => void;
  /** Also while a dialog is open (the shortcut is for that dialog). */
  readonly inDialog?: boolean;
}

/**
 * A group as the app provides it: the group itself, or a loader for a group defined in a feature
 * (so that feature's code loads with the overlay, not with the first page).
 */
export type ShortcutGroupSource = ShortcutGroup | (() => Promise<ShortcutGroup>);
