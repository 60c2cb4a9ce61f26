/** Where the settings are stored: store/settings.ts writes them; pages and the overlay only watch the UI language there. */
export const SETTINGS_KEY = 'local:settings' as const;
