// Shared by the dashboard page (client too) and its form rules (server).

/** The quick edit names a variant's stock field `stock.<variant id>`. */
export const variantStockField = (variantId: string) => `stock.${variantId}`;
