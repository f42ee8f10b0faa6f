import type { components } from '@cims/api-client';
import { useTranslation } from 'react-i18next';

export function LifecycleBadge({ stage }: { stage: components['schemas']['LifecycleStage'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--stage-${stage}`}>{t(`enums.lifecycleStage.${stage}`)}</span>;
}
