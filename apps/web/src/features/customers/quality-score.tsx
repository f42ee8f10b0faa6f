import { useTranslation } from 'react-i18next';
import { qualityBandOf } from './quality';

/**
 * A quality score as a short bar coloured by band with the number beside it. The band is also written
 * out (visibly with `isBandShown`, else for screen readers), so the colour is never the only signal.
 */
export function QualityScore({ score, isBandShown = false }: { score: number; isBandShown?: boolean }) {
  const { t } = useTranslation();
  const band = qualityBandOf(score);
  const bandLabel = t(`quality.bands.${band}`);
  return (
    <span className={`quality quality--${band}`}>
      <span className="quality__bar" aria-hidden="true">
        <span className="quality__fill" style={{ width: `${score}%` }} />
      </span>
      <span className="quality__value">{score}</span>
      <span className={isBandShown ? 'quality__band' : 'visually-hidden'}>{bandLabel}</span>
    </span>
  );
}
