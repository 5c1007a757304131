// Shared by the server and the cooperative page's form: a `.server` module is empty in the browser.
export const businessTypes = ['individual', 'cooperative', 'cooperative_group', 'household'] as const;
