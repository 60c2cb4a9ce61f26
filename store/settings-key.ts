/** Where the settings are stored: store/settings.ts writes them; pages and the overlay only watch the UI language there. */
export const SETTINGS_KEY = 'local:settings' as const;

/** The same place as storage.local's own key, for the overlay, which reads it without wxt's storage wrapper (16 KB it would carry into every report page). */
export const SETTINGS_LOCAL_KEY = SETTINGS_KEY.slice('local:'.length);
