import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../lib/api';

export function CustomerLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const isMissing = isApiError(error) && (error.status === 404 || error.status === 400);
  return (
    <section className="empty-state">
      <h1>{isMissing ? t('customers.notFound') : t('customers.loadFailed')}</h1>
      <Link to="/" className="button">
        {t('customers.backToList')}
      </Link>
    </section>
  );
}
