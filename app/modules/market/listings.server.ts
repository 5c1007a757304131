// Listings: the rules on who may publish and edit, and every query the market
// pages run. Routes call these from their loader AND their action.
// The work is in the files named below; routes import from here.

export {
  listSellerListings,
  maxImages,
  mayEdit,
  mayPublish,
  nextStates,
  requireEditableListing,
  sellerStatus,
} from './seller-listings.server';
export {
  addListingImages,
  changeListingState,
  createListing,
  quickEditListing,
  type QuickEditInput,
  type QuickEditResult,
  removeListingImage,
  updateListing,
  type ListingInput,
  type NewImage,
  type StateChange,
} from './listing-writes.server';
export {
  findPublishedListing,
  listSellerPublished,
  pageSize,
  searchListings,
  similarListings,
  type SearchFilters,
} from './public-listings.server';
