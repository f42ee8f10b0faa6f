import { formatAddressLine } from '@cims/schemas';

type TAddressLineSource = Parameters<typeof formatAddressLine>[0];

/**
 * Where an address is, without its detail: the region path at home ('广东省深圳市南山区'), 'postcode,
 * country' abroad ('2119, 澳大利亚'). Only the detail is classified, so this part is shown as it is while
 * the detail beside it may be masked or withheld; an address without a known place gives ''.
 */
export function formatAddressPlace(address: Omit<TAddressLineSource, 'detail'>, locale: string): string {
  return formatAddressLine({ ...address, detail: '' }, locale);
}
