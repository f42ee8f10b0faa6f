import { useUiLocale } from '../../lib/format';
import { countryName, countryOptions } from './countries';

/**
 * The `<option>`s of a country select in the UI language, China first. A current code outside the ISO
 * list (the API takes any code the platform can name) is offered too, so that it shows as it is.
 */
export function CountryOptions({ currentCode }: { currentCode: string }) {
  const locale = useUiLocale();
  const options = countryOptions(locale);
  const isListed = options.some((option) => option.code === currentCode);
  return (
    <>
      {!isListed && <option value={currentCode}>{countryName(currentCode, locale)}</option>}
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </>
  );
}
