// Business profiles and the public storefront: public functions.
export {
  declareWomenLed,
  findOwnBusinessProfile,
  saveBusinessProfile,
  setProfileImage,
  type BusinessProfileInput,
} from './profile.server';
export { findStorefront, verifiedSellers } from './storefront.server';
