import type { MoneyJson } from '../money';
import type { EffectiveRetention, PersonalDataPolicy } from './retention';

/** What a shop may give a customer without asking: the documents warn against promising more. */
export interface RemedyLimits {
  /** Largest discount on a next order, percent (0–100). */
  maxDiscountPercent: number;
  /** Largest value of a gift (or voucher). */
  maxGiftValue: MoneyJson;
}

/** The shop as a sender: who signs its claim letters and what it may offer customers. */
export interface ShopProfileInput {
  legalName: string;
  /** 10 digits (organisation) or 12 (individual entrepreneur), check digits valid. */
  inn: string;
  /** An organisation's KPP; an entrepreneur has none. */
  kpp?: string;
  /** OGRN (13 digits) or OGRNIP (15), check digit valid. */
  ogrn: string;
  address: string;
  email: string;
  phone: string;
  signatory: { name: string; position: string };
  remedyLimits: RemedyLimits;
  /**
   * Issue 25: how long a settled claim or order keeps its customer's personal data, in days
   * (absent: DEFAULT_RETAIN_DAYS, src/domain/personal-data/retention.ts).
   */
  personalData?: PersonalDataPolicy;
}

export interface ShopProfile extends ShopProfileInput {
  shopId: string;
  /** Starts at 1; each replacement adds 1 (the ETag). */
  version: number;
  updatedAt: string;
}

/** The profile as the API answers it: the retention in force, the default named as such. */
export interface ShopProfileView extends Omit<ShopProfile, 'personalData'> {
  personalData: EffectiveRetention;
}
