import type { Catalog } from '../catalog/schema/catalog';
import type { LedgerLine, SignedMoney } from './line';

/**
 * Who invoices the end user: the reseller, when the catalog says resellers bill their customers
 * (OnyxCeph: "the reseller bills the end user and remits to the vendor in its annual billing") and
 * the contract came through a distributor; it then remits the whole net amount. Else the vendor.
 */
export function billedBy(catalog: Catalog, distributorId: string | undefined, net: SignedMoney): LedgerLine['billedBy'] {
  const reseller = catalog.resellerBilling;
  if (!reseller || reseller.endUserInvoicedBy !== 'reseller' || !distributorId) return { party: 'vendor' };
  return { party: 'reseller', distributorId, remitsToVendor: net, remittance: reseller.remittance };
}
