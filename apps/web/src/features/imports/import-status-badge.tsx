import { useTranslation } from 'react-i18next';
import type { TImportStatus } from './import-settings';

export function ImportStatusBadge({ status }: { status: TImportStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--import-${status}`}>{t(`enums.importStatus.${status}`)}</span>;
}
